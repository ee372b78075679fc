package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CustomResourceDefinitions and admission webhook configurations as the API server checks them on create. */
class CrdAndWebhookRulesTest {

    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widget.example.com}
            spec:
              group: example.com
              names: {kind: Widget, listKind: Widget, plural: widgets, shortNames: [WG]}
              scope: Namespaced
              preserveUnknownFields: true
              conversion:
                strategy: Webhook
                webhook:
                  conversionReviewVersions: [v2, v2]
                  clientConfig: {url: 'http://user@conv.example.com/c?x=1#f'}
              versions:
              - name: v1
                served: true
                storage: true
                deprecationWarning: old
                schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                subresources:
                  scale: {specReplicasPath: .status.r, statusReplicasPath: status.r}
                additionalPrinterColumns:
                - {name: A, type: int, format: uuid, jsonPath: spec.a}
              - name: v1
                served: true
                storage: true
            """;

    @Test
    void aDefinitionIsRefusedForEachCheckItFails() {
        assertThat(run(new CustomResourceDefinitionRule()).on(CRD)).containsExactly(
                "metadata.name: Invalid value: \"widget.example.com\": must be spec.names.plural+\".\"+spec.group",
                "spec.versions[0].deprecationWarning: Invalid value: \"old\": can only be set for deprecated versions",
                "spec.versions[0].subresources.scale.specReplicasPath: Invalid value: \".status.r\": should be a json "
                        + "path under .spec",
                "spec.versions[0].subresources.scale.statusReplicasPath: Invalid value: \"status.r\": must be a simple "
                        + "json path starting with .",
                "spec.versions[0].additionalPrinterColumns[0].type: Invalid value: \"int\": must be one of "
                        + "boolean,date,integer,number,string",
                "spec.versions[0].additionalPrinterColumns[0].format: Invalid value: \"uuid\": must be one of "
                        + "byte,date,date-time,double,float,int32,int64,password",
                "spec.versions[0].additionalPrinterColumns[0].JSONPath: Invalid value: \"spec.a\": must be a simple "
                        + "json path starting with .",
                "spec.versions[1].schema.openAPIV3Schema: Required value: schemas are required",
                "spec.versions: Invalid value: must contain unique version names",
                "spec.versions: Invalid value: must have exactly one version marked as storage version",
                "spec.names.shortNames[0]: Invalid value: \"WG\": a DNS-1035 label must consist of lower case "
                        + "alphanumeric characters or '-', start with an alphabetic character, and end with an "
                        + "alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                        + "'[a-z]([-a-z0-9]*[a-z0-9])?')",
                "spec.names.listKind: Invalid value: \"Widget\": kind and listKind may not be the same",
                "spec.conversion.webhookClientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL "
                        + "scheme; desired format: https://host[/path]",
                "spec.conversion.webhookClientConfig.url: Invalid value: \"user\": user information is not permitted "
                        + "in the URL",
                "spec.conversion.webhookClientConfig.url: Invalid value: \"f\": fragments are not permitted in the URL",
                "spec.conversion.webhookClientConfig.url: Invalid value: \"x=1\": query parameters are not permitted "
                        + "in the URL",
                "spec.conversion.conversionReviewVersions[1]: Invalid value: \"v2\": duplicate version",
                "spec.conversion.conversionReviewVersions: Invalid value: [\"v2\",\"v2\"]: must include at least one "
                        + "of v1, v1beta1",
                "spec.preserveUnknownFields: Invalid value: true: cannot set to true, set "
                        + "x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead");
    }

    @Test
    void defaultsAndProtectedGroupsAreJudgedAsTheServerJudgesThem() {
        var crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: widgets.demo.k8s.io
                  annotations: {api-approved.kubernetes.io: %s}
                spec:
                  group: demo.k8s.io
                  names: {kind: Widget, plural: widgets}
                  scope: Cluster
                  conversion:
                    strategy: Webhook
                    webhook:
                      conversionReviewVersions: [v1]
                      clientConfig: {service: {name: conv, namespace: ops}}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema: {openAPIV3Schema: {type: object}}
                """;
        assertThat(run(new CustomResourceDefinitionRule()).on(crd.formatted("'https://github.com/kubernetes/enhancements/pull/1111'")))
                .isEmpty();
        assertThat(run(new CustomResourceDefinitionRule()).on(crd.formatted("'unapproved, testing only'"))).isEmpty();
        assertThat(run(new CustomResourceDefinitionRule()).on(crd.formatted("approved"))).containsExactly(
                "metadata.annotations[api-approved.kubernetes.io]: Invalid value: \"approved\": protected groups must "
                        + "have approval annotation \"api-approved.kubernetes.io\" with either a URL or a reason "
                        + "starting with \"unapproved\", see https://github.com/kubernetes/enhancements/pull/1111");
    }

    private static final String WEBHOOK = """
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata: {name: policy}
            webhooks:
            - name: policy.example
              admissionReviewVersions: [v2]
              sideEffects: Some
              timeoutSeconds: 0
              failurePolicy: Abort
              reinvocationPolicy: Always
              clientConfig:
                service: {name: p, namespace: ops, port: 70000, path: validate}
              rules:
              - operations: ['*', GET]
                apiGroups: []
                resources: ['pods/*', pods/status]
                scope: All
              matchConditions:
              - {name: 'a b', expression: ' '}
            - name: ok.policy.example.com
              admissionReviewVersions: [v1]
              sideEffects: None
              clientConfig: {url: 'https://policy.example.com/mutate'}
            - name: ok.policy.example.com
              admissionReviewVersions: [v1]
              sideEffects: None
              clientConfig: {}
            """;

    @Test
    void aWebhookConfigurationIsRefusedForEachCheckItFails() {
        assertThat(run(new AdmissionWebhookRule()).on(WEBHOOK)).containsExactly(
                "webhooks[0].name: Invalid value: \"policy.example\": should be a domain with at least three segments "
                        + "separated by dots",
                "webhooks[0].rules[0].operations: Invalid value: [\"*\",\"GET\"]: if '*' is present, must not specify "
                        + "other operations",
                "webhooks[0].rules[0].operations[1]: Unsupported value: \"GET\": supported values: \"*\", \"CONNECT\", "
                        + "\"CREATE\", \"DELETE\", \"UPDATE\"",
                "webhooks[0].rules[0].apiGroups: Required value",
                "webhooks[0].rules[0].apiVersions: Required value",
                "webhooks[0].rules[0].resources[1]: Invalid value: \"pods/status\": if 'pods/*' is present, must not "
                        + "specify pods/status",
                "webhooks[0].rules[0].scope: Unsupported value: \"All\": supported values: \"*\", \"Cluster\", "
                        + "\"Namespaced\"",
                "webhooks[0].failurePolicy: Unsupported value: \"Abort\": supported values: \"Fail\", \"Ignore\"",
                "webhooks[0].sideEffects: Unsupported value: \"Some\": supported values: \"None\", \"NoneOnDryRun\"",
                "webhooks[0].reinvocationPolicy: Unsupported value: \"Always\": supported values: \"IfNeeded\", \"Never\"",
                "webhooks[0].timeoutSeconds: Invalid value: 0: the timeout value must be between 1 and 30 seconds",
                "webhooks[0].clientConfig.service.port: Invalid value: 70000: port is not valid: must be between 1 and "
                        + "65535, inclusive",
                "webhooks[0].clientConfig.service.path: Invalid value: \"validate\": must start with a '/'",
                "webhooks[0].matchConditions[0].expression: Required value",
                "webhooks[0].matchConditions[0].name: Invalid value: \"a b\": name part must consist of alphanumeric "
                        + "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. "
                        + "'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
                "webhooks[0].admissionReviewVersions: Invalid value: [\"v2\"]: must include at least one of v1, v1beta1",
                "webhooks[2].clientConfig: Required value: exactly one of url or service is required",
                "webhooks[2].name: Duplicate value: \"ok.policy.example.com\"");
    }
}
