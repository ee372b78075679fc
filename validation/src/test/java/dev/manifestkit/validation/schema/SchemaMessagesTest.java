package dev.manifestkit.validation.schema;

import static dev.manifestkit.validation.TestDocs.doc;
import static dev.manifestkit.validation.TestDocs.schemaOnly;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Validator;

/** The wording of schema problems: one line per cause, in the API server's vocabulary. */
class SchemaMessagesTest {

    private static final Validator STRICT = schemaOnly("1.35", true);

    private static List<String> messages(Validator validator, ManifestDocument document) {
        return validator.validate(List.of(document)).problems().stream().map(Problem::toString).toList();
    }

    private static List<String> messages(String json) {
        return messages(STRICT, doc(json));
    }

    @Test
    void wrongTypeQuotesTheValueAndNamesTheExpectedType() {
        assertThat(messages("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':'3','selector':{},'template':{}}}"))
                .containsExactly("Deployment/web: spec.replicas: Invalid value: \"3\": must be of type integer [schema]");
    }

    @Test
    void numbersThatAreNoIntegersPrintAsGoPrintsThemNotAsJavaDoes() {
        assertThat(messages("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':1.5e-5,'minReadySeconds':1234567.5,'revisionHistoryLimit':0.00015,"
                + "'selector':{},'template':{}}}"))
                .containsExactly(
                        "Deployment/web: spec.minReadySeconds: Invalid value: 1.2345675e+06: must be of type integer"
                                + " [schema]",
                        "Deployment/web: spec.replicas: Invalid value: 1.5e-05: must be of type integer [schema]",
                        "Deployment/web: spec.revisionHistoryLimit: Invalid value: 0.00015: must be of type integer"
                                + " [schema]");
    }

    @Test
    void integersBeyondTheirDeclaredInt32OrInt64FormatAreInvalidAsTheApiServerCannotDecodeThem() {
        assertThat(messages("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':99999999999999999999,'selector':{},'template':{'spec':{"
                + "'terminationGracePeriodSeconds':99999999999999999999,"
                + "'containers':[{'name':'a','image':'x','ports':[{'containerPort':3000000000}]}]}}}}"))
                .containsExactly(
                        "Deployment/web: spec.replicas: Invalid value: 99999999999999999999:"
                                + " must fit in a 32-bit integer (-2147483648 to 2147483647) [schema]",
                        "Deployment/web: spec.template.spec.containers[0].ports[0].containerPort: Invalid value:"
                                + " 3000000000: must fit in a 32-bit integer (-2147483648 to 2147483647) [schema]",
                        "Deployment/web: spec.template.spec.terminationGracePeriodSeconds: Invalid value:"
                                + " 99999999999999999999: must fit in a 64-bit integer"
                                + " (-9223372036854775808 to 9223372036854775807) [schema]");
        assertThat(messages("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'replicas':2147483647,'selector':{},'template':{'spec':{"
                + "'terminationGracePeriodSeconds':9223372036854775807,'containers':[{'name':'a','image':'x'}]}}}}"))
                .isEmpty();
    }

    @Test
    void intOrStringAlternativesCollapseIntoOneProblem() {
        assertThat(messages("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                + "'spec':{'selector':{},'template':{},'strategy':{'rollingUpdate':{'maxSurge':true}}}}"))
                .containsExactly("Deployment/web: spec.strategy.rollingUpdate.maxSurge: Invalid value: true:"
                        + " must be a string or an integer [schema]");
    }

    @Test
    void quantityAcceptsNumbersAndStringsButNotBooleans() {
        assertThat(messages("{'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{'name':'data'},"
                + "'spec':{'resources':{'requests':{'storage':false,'cpu':2,'memory':'1Gi'}}}}"))
                .containsExactly("PersistentVolumeClaim/data: spec.resources.requests[storage]: Invalid value: false:"
                        + " must be a string or a number [schema]");
    }

    @Test
    void mapEntriesPrintAsKeysAndListElementsAsIndices() {
        assertThat(messages("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','labels':{'tier':3}},"
                + "'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y','env':[{'value':'1'}]}]}}"))
                .containsExactly(
                        "Pod/web: metadata.labels[tier]: Invalid value: 3: must be of type string [schema]",
                        "Pod/web: spec.containers[1].env[0].name: Required value [schema]");
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        assertThat(messages("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'fib'},"
                + "'spec':{'replicas':-1.5,'templates':{}}}"))
                .containsExactly(
                        "Deployment/fib/web: spec.replicas: Invalid value: -1.5: must be of type integer [schema]",
                        "Deployment/fib/web: spec.selector: Required value [schema]",
                        "Deployment/fib/web: spec.template: Required value [schema]",
                        "Deployment/fib/web: spec.templates: Forbidden: unknown field \"spec.templates\" [schema]");
    }

    @Test
    void nullFieldsCountAsAbsentAsOnTheApiServer() {
        assertThat(messages("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','creationTimestamp':null},"
                + "'data':{'a':'b'},'immutable':null}")).isEmpty();
    }

    @Test
    void fieldsTheDefinitionsListAsRequiredButTheApiServerDoesNotRequireMayBeLeftOut() {
        assertThat(messages("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{"
                + "'securityContext':{'sysctls':[{'name':'kernel.shm_rmid_forced'}]},"
                + "'affinity':{'nodeAffinity':{'preferredDuringSchedulingIgnoredDuringExecution':[{'weight':1}]}},"
                + "'containers':[{'name':'c','image':'x','readinessProbe':{'httpGet':{'port':80,"
                + "'httpHeaders':[{'name':'X-Probe'}]}},'lifecycle':{'preStop':{'sleep':{}}}}],"
                + "'volumes':[{'name':'v','iscsi':{'targetPortal':'10.0.0.1:3260','iqn':'iqn.2001-04.com.example:d'}},"
                + "{'name':'s','scaleIO':{'gateway':'g','system':'s','volumeName':'v'}}]}}")).isEmpty();
        assertThat(messages("{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'j'},'spec':{"
                + "'podFailurePolicy':{},'template':{'spec':{'containers':[{'name':'c','image':'x'}]}}}}")).isEmpty();
        assertThat(messages("{'apiVersion':'v1','kind':'LimitRange','metadata':{'name':'l'},'spec':{}}")).isEmpty();
        assertThat(messages("{'apiVersion':'storage.k8s.io/v1','kind':'CSIDriver','metadata':{'name':'d'},"
                + "'spec':{'tokenRequests':[{'expirationSeconds':3600}]}}")).isEmpty();
        assertThat(messages("{'apiVersion':'apps/v1','kind':'ControllerRevision','metadata':{'name':'r'},"
                + "'data':{}}")).isEmpty();
    }

    @Test
    void aClaimsDataSourceTheApiServerDropsOnCreateNeedsNoRequiredFields() {
        var claim = "{'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{'name':'c'},'spec':{"
                + "'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}},";
        assertThat(messages(claim + "'dataSource':{'name':'x'}}}")).isEmpty();
        assertThat(messages(claim + "'dataSource':{'kind':'Widget'}}}")).isEmpty();
        assertThat(messages(claim + "'dataSource':{'kind':'PersistentVolumeClaim'}}}"))
                .containsExactly("PersistentVolumeClaim/c: spec.dataSource.name: Required value [schema]");
        assertThat(messages(claim + "'dataSource':{'name':'x'},'dataSourceRef':{'kind':'Widget','name':'x'}}}"))
                .containsExactly("PersistentVolumeClaim/c: spec.dataSource.kind: Required value [schema]");
        assertThat(messages(claim + "'dataSource':{'name':'x','bogus':1}}}")).containsExactly(
                "PersistentVolumeClaim/c: spec.dataSource.bogus: Forbidden: unknown field \"spec.dataSource.bogus\" [schema]");
    }

    @Test
    void theRequiredFieldsBesideThoseStayRequired() {
        assertThat(messages("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{"
                + "'affinity':{'nodeAffinity':{'preferredDuringSchedulingIgnoredDuringExecution':[{'preference':{}}]}},"
                + "'containers':[{'name':'c','image':'x','readinessProbe':{'httpGet':{'port':80,"
                + "'httpHeaders':[{'value':'1'}]}}}],"
                + "'volumes':[{'name':'v','iscsi':{'lun':0}}]}}"))
                .containsExactly(
                        "Pod/p: spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight:"
                                + " Required value [schema]",
                        "Pod/p: spec.containers[0].readinessProbe.httpGet.httpHeaders[0].name: Required value [schema]",
                        "Pod/p: spec.volumes[0].iscsi.iqn: Required value [schema]",
                        "Pod/p: spec.volumes[0].iscsi.targetPortal: Required value [schema]");
    }

    @Test
    void missingKindAndApiVersionAreRequiredValues() {
        assertThat(messages("{'metadata':{'name':'web'}}")).containsExactly(
                "?/web: apiVersion: Required value: every object names its API group and version, such as apps/v1 [schema]",
                "?/web: kind: Required value: every object names its kind, such as Deployment [schema]");
    }

    @Test
    void nonStringKindIsAnInvalidValue() {
        assertThat(messages("{'apiVersion':'v1','kind':7,'metadata':{'name':'x'}}"))
                .containsExactly("?/x: kind: Invalid value: 7: must be of type string [schema]");
    }

    @Test
    void kindWithoutSchemaIsNamedWithItsVersion() {
        assertThat(messages("{'apiVersion':'apps/v1beta1','kind':'Deployment','metadata':{'name':'web'}}"))
                .containsExactly("Deployment/web: Not found: no schema for apps/v1beta1 Deployment"
                        + " in Kubernetes 1.35 [schema/missing]");
    }

    @Test
    void kindWithoutSchemaIsSkippedOnRequest() {
        var validator = Validator.builder().skipMissingSchemas(true).rules(List.of()).build();
        assertThat(messages(validator, doc("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},"
                + "'spec':{'anything':1}}"))).isEmpty();
    }

    @Test
    void secretValuesNeverAppearInMessages() {
        var problems = messages("{'apiVersion':'v1','kind':'Secret','metadata':{'name':'pg'},"
                + "'data':{'PGPASSWORD':['hunter2']},'stringData':'hunter2'}");
        assertThat(problems).containsExactly(
                "Secret/pg: data[PGPASSWORD]: Invalid value: [redacted]: must be of type string [schema]",
                "Secret/pg: stringData: Invalid value: [redacted]: must be of type object [schema]");
        assertThat(String.join("\n", problems)).doesNotContain("hunter2");
    }

    @Test
    void longValuesAreCut() {
        var problems = messages("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'immutable':'"
                + "x".repeat(200) + "'}");
        assertThat(problems).singleElement().asString().contains("\"xxxx").contains("…").hasSizeLessThan(160);
    }
}
