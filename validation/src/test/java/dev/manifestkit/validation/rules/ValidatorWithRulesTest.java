package dev.manifestkit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.Severity;
import dev.manifestkit.validation.Validator;

/** The rules as the validator runs them: every layer at once, with severities, profiles and redaction. */
class ValidatorWithRulesTest {

    private static final String APP = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              replicas: 1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                    - name: web
                      image: nginx:latest
                      ports: [{containerPort: 70000}]
                      env: [{name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}]
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: db, namespace: shop}
            data: {pass: hunter2!}
            """;

    @Test
    void theValidatorRunsEveryRuleWithItsSeverity() {
        var report = Validator.forKubernetes("1.35").validate(RuleHarness.parse(APP));
        assertThat(report.problems()).extracting(Problem::toString).contains(
                "Deployment/shop/web: spec.template.metadata.labels: Invalid value: {\"app\":\"api\"}: `selector` does "
                        + "not match template `labels` [api/selector-matches-template]",
                "Deployment/shop/web: spec.template.spec.containers[0].ports[0].containerPort: Invalid value: 70000: "
                        + "must be between 1 and 65535, inclusive [api/port-range]",
                "Deployment/shop/web: spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key: Not found: "
                        + "\"password\": Secret \"db\" has no such key [ref/secret-key]",
                "Deployment/shop/web: spec.template.spec.containers[0].image: Advice: \"nginx:latest\": uses :latest, "
                        + "which changes under you; pin a version or a digest [lint/image-tag]");
        assertThat(report.problems()).filteredOn(p -> p.ruleId().equals("lint/image-tag"))
                .extracting(Problem::severity).containsExactly(Severity.WARNING);
        assertThat(report.problems()).extracting(Problem::ruleId).doesNotContain("lint/single-replica");
    }

    @Test
    void secretValuesNeverReachTheReport() {
        var report = Validator.forKubernetes("1.35").validate(RuleHarness.parse(APP));
        assertThat(report.problems()).extracting(Problem::ruleId).contains("api/base64-data");
        assertThat(report.problems()).extracting(Problem::toString).noneMatch(text -> text.contains("hunter2"));
    }

    @Test
    void theProdProfileAddsProductionRules() {
        var report = Validator.builder().profile(Profile.PROD).build().validate(RuleHarness.parse(APP));
        assertThat(report.problems()).extracting(Problem::ruleId)
                .contains("lint/single-replica", "lint/resources", "lint/probes", "lint/secret-literals");
    }

    @Test
    void everyRuleOfTheCatalogueIsActiveByDefault() {
        var active = Validator.forKubernetes("1.35").rules();
        assertThat(active).containsAll(Rules.all());
        assertThat(active).filteredOn(rule -> rule.layer() == Layer.REFERENCES).hasSize(
                (int) Rules.all().stream().filter(rule -> rule.layer() == Layer.REFERENCES).count());
    }
}
