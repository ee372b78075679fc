package dev.manifestkit.validation.schema;

import static dev.manifestkit.validation.TestDocs.schemaOnly;
import static dev.manifestkit.validation.TestDocs.tree;
import static dev.manifestkit.validation.TestDocs.with;
import static dev.manifestkit.validation.TestDocs.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Validator;
import tools.jackson.databind.node.ObjectNode;

/**
 * For every modeled kind: a valid object passes, and removing a required field, adding an
 * unknown field or giving a field the wrong type is an error at the right path.
 */
class SchemaLayerPerKindTest {

    private static final Validator STRICT = schemaOnly("1.35", true);
    private static final Validator LENIENT = schemaOnly("1.35", false);

    /**
     * @param required pointer removed, and the path the error must name
     * @param unknown  pointer of an added unknown field, and its path
     * @param wrong    pointer given a wrongly typed value, the value, and the path
     */
    record Case(String kind, String json, String required, String requiredPath, String unknown, String unknownPath,
                String wrong, String wrongValue, String wrongPath) {
        ObjectNode baseline() {
            return tree(json);
        }

        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<Case> kinds() {
        return Stream.of(
                new Case("Pod", """
                        {'apiVersion':'v1','kind':'Pod','metadata':{'name':'web','labels':{'app':'web'}},
                         'spec':{'containers':[{'name':'web','image':'nginx:1.27','ports':[{'containerPort':80}]}]}}""",
                        "/spec/containers/0/name", "spec.containers[0].name",
                        "/spec/containers/0/imagePolicy", "spec.containers[0].imagePolicy",
                        "/spec/containers/0/ports/0/containerPort", "'eighty'", "spec.containers[0].ports[0].containerPort"),
                new Case("Deployment", """
                        {'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'fib'},
                         'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'}},
                          'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':'25%','maxUnavailable':0}},
                          'template':{'metadata':{'labels':{'app':'web'}},
                           'spec':{'containers':[{'name':'web','image':'nginx:1.27',
                            'resources':{'requests':{'cpu':'100m','memory':'64Mi'},'limits':{'cpu':1}}}]}}}}""",
                        "/spec/selector", "spec.selector",
                        "/spec/templates", "spec.templates",
                        "/spec/replicas", "'3'", "spec.replicas"),
                new Case("StatefulSet", """
                        {'apiVersion':'apps/v1','kind':'StatefulSet','metadata':{'name':'db'},
                         'spec':{'serviceName':'db','replicas':1,'selector':{'matchLabels':{'app':'db'}},
                          'template':{'metadata':{'labels':{'app':'db'}},'spec':{'containers':[{'name':'db','image':'postgres:16.4'}]}},
                          'volumeClaimTemplates':[{'metadata':{'name':'data'},
                           'spec':{'accessModes':['ReadWriteOnce'],'resources':{'requests':{'storage':'1Gi'}}}}]}}""",
                        "/spec/template", "spec.template",
                        "/spec/serviceNames", "spec.serviceNames",
                        "/spec/replicas", "true", "spec.replicas"),
                new Case("Service", """
                        {'apiVersion':'v1','kind':'Service','metadata':{'name':'web'},
                         'spec':{'type':'NodePort','selector':{'app':'web'},
                          'ports':[{'name':'http','port':80,'targetPort':'http','nodePort':31515}]}}""",
                        "/spec/ports/0/port", "spec.ports[0].port",
                        "/spec/ports/0/nodeport", "spec.ports[0].nodeport",
                        "/spec/ports/0/targetPort", "true", "spec.ports[0].targetPort"),
                new Case("Ingress", """
                        {'apiVersion':'networking.k8s.io/v1','kind':'Ingress','metadata':{'name':'web'},
                         'spec':{'ingressClassName':'nginx','rules':[{'host':'example.com','http':{'paths':[
                          {'path':'/','pathType':'Prefix','backend':{'service':{'name':'web','port':{'number':80}}}}]}}]}}""",
                        "/spec/rules/0/http/paths/0/pathType", "spec.rules[0].http.paths[0].pathType",
                        "/spec/rules/0/http/paths/0/backend/serviceName", "spec.rules[0].http.paths[0].backend.serviceName",
                        "/spec/rules/0/host", "42", "spec.rules[0].host"),
                new Case("PersistentVolume", """
                        {'apiVersion':'v1','kind':'PersistentVolume','metadata':{'name':'data'},
                         'spec':{'capacity':{'storage':'10Gi'},'accessModes':['ReadWriteOnce'],
                          'persistentVolumeReclaimPolicy':'Retain','storageClassName':'manual','hostPath':{'path':'/data'}}}""",
                        "/spec/hostPath/path", "spec.hostPath.path",
                        "/spec/hostpath", "spec.hostpath",
                        "/spec/capacity/storage", "true", "spec.capacity[storage]"),
                new Case("PersistentVolumeClaim", """
                        {'apiVersion':'v1','kind':'PersistentVolumeClaim','metadata':{'name':'data'},
                         'spec':{'accessModes':['ReadWriteOnce'],'storageClassName':'standard','resources':{'requests':{'storage':'2Gi'}},
                          'dataSource':{'apiGroup':'snapshot.storage.k8s.io','kind':'VolumeSnapshot','name':'nightly'}}}""",
                        "/spec/dataSource/name", "spec.dataSource.name",
                        "/spec/resources/request", "spec.resources.request",
                        "/spec/accessModes", "'ReadWriteOnce'", "spec.accessModes"),
                new Case("StorageClass", """
                        {'apiVersion':'storage.k8s.io/v1','kind':'StorageClass','metadata':{'name':'fast'},
                         'provisioner':'kubernetes.io/no-provisioner','volumeBindingMode':'WaitForFirstConsumer',
                         'parameters':{'type':'ssd'}}""",
                        "/provisioner", "provisioner",
                        "/parameter", "parameter",
                        "/allowVolumeExpansion", "'yes'", "allowVolumeExpansion"),
                new Case("Secret", """
                        {'apiVersion':'v1','kind':'Secret','metadata':{'name':'pg'},'type':'Opaque',
                         'data':{'PGPASSWORD':'c2VjcmV0'}}""",
                        "/apiVersion", "apiVersion",
                        "/datas", "datas",
                        "/data/PGPASSWORD", "12", "data[PGPASSWORD]"),
                new Case("ConfigMap", """
                        {'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'settings'},'data':{'LOG_LEVEL':'info'}}""",
                        "/kind", "kind",
                        "/spec", "spec",
                        "/immutable", "'true'", "immutable"),
                new Case("Namespace", """
                        {'apiVersion':'v1','kind':'Namespace','metadata':{'name':'fib','labels':{'team':'web'}}}""",
                        "/apiVersion", "apiVersion",
                        "/metadata/nmae", "metadata.nmae",
                        "/metadata/labels", "['team']", "metadata.labels"),
                new Case("ServiceAccount", """
                        {'apiVersion':'v1','kind':'ServiceAccount','metadata':{'name':'app'},
                         'automountServiceAccountToken':false,'imagePullSecrets':[{'name':'regcred'}]}""",
                        "/kind", "kind",
                        "/imagePullSecret", "imagePullSecret",
                        "/automountServiceAccountToken", "'false'", "automountServiceAccountToken"));
    }

    private static List<Problem> errors(Validator validator, ObjectNode tree) {
        return validator.validate(List.of(ManifestDocument.inMemory(tree, 0))).errors();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void validObjectHasNoProblems(Case c) {
        assertThat(STRICT.validate(List.of(ManifestDocument.inMemory(c.baseline(), 0))).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void removedRequiredFieldIsRequiredValueAtItsPath(Case c) {
        assertThat(errors(STRICT, without(c.baseline(), c.required())))
                .extracting(p -> p.path().toString(), Problem::type, Problem::ruleId)
                .containsExactly(tuple(c.requiredPath(), ErrorType.REQUIRED, "schema"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void unknownFieldIsAnErrorInStrictMode(Case c) {
        var problems = errors(STRICT, with(c.baseline(), c.unknown(), "'x'"));
        assertThat(problems).extracting(p -> p.path().toString(), Problem::type)
                .containsExactly(tuple(c.unknownPath(), ErrorType.FORBIDDEN));
        assertThat(problems.get(0).message())
                .isEqualTo(c.unknownPath() + ": Forbidden: unknown field \"" + c.unknownPath() + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void unknownFieldPassesWithoutStrict(Case c) {
        assertThat(errors(LENIENT, with(c.baseline(), c.unknown(), "'x'"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void wronglyTypedFieldIsInvalidValueAtItsPath(Case c) {
        assertThat(errors(STRICT, with(c.baseline(), c.wrong(), c.wrongValue())))
                .extracting(p -> p.path().toString(), Problem::type)
                .containsExactly(tuple(c.wrongPath(), ErrorType.INVALID));
    }
}
