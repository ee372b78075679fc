package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Values at the edges of Go's arithmetic and parsing, where a literal Java port goes wrong: nine-digit
 * exponents, infinite numbers, mixed address families, simple case mapping, URL host characters.
 * Each case is one the API server accepts or refuses as stated, found in a review of the rules.
 */
class GoArithmeticEdgesTest {

    @Test
    void roundingAQuantityWithANineDigitExponentDoesNotSpellOutItsDigits() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(Quantities.roundUp(new BigDecimal("1e-99999999"), 9)).isEqualByComparingTo("1e-9");
            assertThat(Quantities.roundUp(new BigDecimal("-1e-99999999"), 3)).isEqualByComparingTo("0");
            assertThat(Quantities.roundUp(new BigDecimal("1e99999999"), 3)).isEqualByComparingTo("1e99999999");
            assertThat(Quantities.bounded(new BigDecimal("1e99999999"))).isEqualByComparingTo("9223372036854775807");
            assertThat(Quantities.bounded(new BigDecimal("-1e-99999999"))).isEqualByComparingTo("-1e-9");
            assertThat(Quantities.scaledValue(new BigDecimal("1e99999999"), 3)).isNull();
            assertThat(Quantities.scaledValue(new BigDecimal("1e-99999999"), 3)).isEqualTo(1L);
            assertThat(Quantities.scaledValue(new BigDecimal("0.9995"), 3)).isEqualTo(1000L);
            assertThat(Quantities.scaledValue(new BigDecimal("9223372036854775807"), 0)).isEqualTo(Long.MAX_VALUE);
            assertThat(Quantities.scaledValue(new BigDecimal("9223372036854775808"), 0)).isNull();
        });
    }

    @Test
    void aQuotaOrAutoscalerWithAHugeOrInfiniteAmountIsCheckedPromptlyWithoutACrash() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            // MilliValue() of 1e99999999 is beyond int64: Go's integer check means nothing there
            assertThat(run(new ResourceQuotaRule()).on("""
                    apiVersion: v1
                    kind: ResourceQuota
                    metadata: {name: q}
                    spec: {hard: {pods: '1e99999999', services: '1e-99999999'}}
                    """)).containsExactly("spec.hard[services]: Invalid value: \"1e-9\": must be an integer");
            assertThat(run(new HorizontalPodAutoscalerRule()).on("""
                    apiVersion: autoscaling/v2
                    kind: HorizontalPodAutoscaler
                    metadata: {name: web}
                    spec:
                      scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
                      maxReplicas: 3
                      metrics:
                      - type: Resource
                        resource: {name: cpu, target: {type: AverageValue, averageValue: 1.0e+999}}
                    """)).doesNotContainSubsequence("Internal error");
        });
    }

    @Test
    void aLimitRangeRatioIsComparedInRoundedUpMilliUnitsAsGoComparesIt() {
        var limitRange = """
                apiVersion: v1
                kind: LimitRange
                metadata: {name: l}
                spec:
                  limits:
                  - type: Pod
                    min: {cpu: %s}
                    max: {cpu: %s}
                    maxLimitRequestRatio: {cpu: '%s'}
                """;
        // max/min is 1001u / 1m = 1.001 exactly, but Go rounds both up to milli-units: 2m / 1m = 2
        assertThat(run(new LimitRangeRule()).on(limitRange.formatted("1m", "1001u", "1.5"))).isEmpty();
        assertThat(run(new LimitRangeRule()).on(limitRange.formatted("100m", "150m", "2"))).containsExactly(
                "spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: \"2\": ratio 2 is greater than max/min = 1.500000");
    }

    @Test
    void anIpv4MappedExceptLiesInsideAnIpv4RangeAsIpNetContainsReadsIt() {
        var policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: n}
                spec:
                  podSelector: {}
                  ingress:
                  - from:
                    - ipBlock: {cidr: %s, except: ['%s']}
                """;
        assertThat(run(new NetworkPolicyRule()).on(policy.formatted("10.0.0.0/8", "::ffff:10.1.0.0/112"))).isEmpty();
        assertThat(run(new NetworkPolicyRule()).on(policy.formatted("10.0.0.0/8", "::ffff:11.1.0.0/112")))
                .containsExactly("spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: \"::ffff:11.1.0.0/112\": "
                        + "must be a strict subset of `cidr`");
        assertThat(run(new NetworkPolicyRule()).on(policy.formatted("2001:db8::/32", "10.1.0.0/16"))).hasSize(1);
    }

    @Test
    void aKindIsLowerCasedCodePointByCodePointAsGoLowerCasesIt() {
        assertThat(dev.manifestkit.core.syntax.Names.goToLower("İtem")).isEqualTo("item");
        assertThat(dev.manifestkit.core.syntax.Names.goToLower("Widget")).isEqualTo("widget");
        assertThat(dev.manifestkit.core.syntax.Names.goToLower("\u212Aind")).isEqualTo("kind"); // the Kelvin sign
    }

    @Test
    void aWebhookUrlHostMayHoldAngleBracketsAndAPasswordInItIsNotRepeated() {
        var webhook = """
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: policy}
                webhooks:
                - name: policy.example.com
                  admissionReviewVersions: [v1]
                  sideEffects: None
                  clientConfig: {url: '%s'}
                """;
        assertThat(run(new AdmissionWebhookRule()).on(webhook.formatted("https://a<b.example.com/x"))).isEmpty();
        assertThat(run(new AdmissionWebhookRule()).on(webhook.formatted("https://admin:s3cret@h.example.com/")))
                .containsExactly("webhooks[0].clientConfig.url: Invalid value: \"admin:***\": user information is "
                        + "not permitted in the URL");
    }
}
