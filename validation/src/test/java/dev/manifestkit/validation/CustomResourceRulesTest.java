package dev.manifestkit.validation;

import static dev.manifestkit.validation.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;

/**
 * A custom resource whose kind shares a built-in kind's name (Knative's Service, Volcano's Job) is
 * held to its ObjectMeta and its schema only, as on the API server, never to the built-in kind's rules.
 */
class CustomResourceRulesTest {

    private static final Validator VALIDATOR = Validator.forKubernetes("1.35");

    /** knative/serving config/core/300-resources/service.yaml, its schema cut to what the examples use. */
    private static final String KNATIVE_SERVICE_CRD = "{'apiVersion':'apiextensions.k8s.io/v1',"
            + "'kind':'CustomResourceDefinition','metadata':{'name':'services.serving.knative.dev'},'spec':{"
            + "'group':'serving.knative.dev','scope':'Namespaced','names':{'kind':'Service','plural':'services'},"
            + "'versions':[{'name':'v1','served':true,'storage':true,'subresources':{'status':{}},"
            + "'schema':{'openAPIV3Schema':{'type':'object','properties':{'spec':{'type':'object',"
            + "'x-kubernetes-preserve-unknown-fields':true},'status':{'type':'object',"
            + "'x-kubernetes-preserve-unknown-fields':true}}}}}]}}";

    private static List<String> validate(String... jsons) {
        var documents = new ArrayList<ManifestDocument>();
        for (int i = 0; i < jsons.length; i++) {
            documents.add(doc(jsons[i], i));
        }
        return VALIDATOR.validate(documents).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aKnativeServiceIsNotHeldToTheCoreServicesRules() {
        // the Knative docs' hello world, its name a DNS subdomain (a core Service's must be a DNS-1035 label)
        var service = "{'apiVersion':'serving.knative.dev/v1','kind':'Service','metadata':{'name':'hello.v1',"
                + "'namespace':'default'},'spec':{'template':{'spec':{'containers':[{'image':'ghcr.io/knative/helloworld-go:latest',"
                + "'ports':[{'containerPort':8080}],'env':[{'name':'TARGET','value':'World'}]}]}},"
                + "'ports':[{'port':99999}]}}";
        assertThat(validate(KNATIVE_SERVICE_CRD, service)).isEmpty();
    }

    @Test
    void aCustomResourcesMetadataIsStillCheckedAsTheServerChecksAnyObjects() {
        var service = "{'apiVersion':'serving.knative.dev/v1','kind':'Service','metadata':{'name':'Hello',"
                + "'namespace':'default','labels':{'bad key!':'x'}},'spec':{}}";
        assertThat(validate(KNATIVE_SERVICE_CRD, service)).containsExactlyInAnyOrder(
                "Service/default/Hello: metadata.name: Invalid value: \"Hello\": a lowercase RFC 1123 subdomain must "
                        + "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an "
                        + "alphanumeric character (e.g. 'example.com', regex used for validation is "
                        + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*') [api/object-name]",
                "Service/default/Hello: metadata.labels[bad key!]: Invalid value: \"bad key!\": name part must consist of "
                        + "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                        + "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
                        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') [api/label-syntax]");
    }

    @Test
    void aCoreServiceAndAKnativeServiceOfOneNameAreNoDuplicates() {
        var knative = "{'apiVersion':'serving.knative.dev/v1','kind':'Service','metadata':{'name':'web',"
                + "'namespace':'default'},'spec':{}}";
        var core = "{'apiVersion':'v1','kind':'Service','metadata':{'name':'web','namespace':'default'},"
                + "'spec':{'ports':[{'port':80}]}}";
        assertThat(validate(KNATIVE_SERVICE_CRD, knative, core)).noneMatch(line -> line.contains("duplicate"));
        assertThat(validate(KNATIVE_SERVICE_CRD, knative, knative.replace("'spec':{}", "'spec':{'x':1}")))
                .anyMatch(line -> line.contains("[ref/duplicate-object]"));
    }

    @Test
    void aCustomResourceNamedLikeABuiltInKindResolvesNoReferenceToThatKind() {
        var secret = "{'apiVersion':'example.com/v1','kind':'Secret','metadata':{'name':'foo','namespace':'default'},"
                + "'data':{'k':'dg=='}}";
        var pod = "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','namespace':'default'},'spec':{"
                + "'containers':[{'name':'c','image':'nginx:1.27','envFrom':[{'secretRef':{'name':'foo'}}]}]}}";
        assertThat(validate(secret, pod)).contains("Pod/default/p: spec.containers[0].envFrom[0].secretRef.name: "
                + "Not found: \"foo\": no Secret of that name in namespace \"default\" of this set; add it, declare it "
                + "as existing, or mark the reference optional [ref/secret-reference]");
        var core = secret.replace("example.com/v1", "v1");
        assertThat(validate(core, pod)).noneMatch(line -> line.contains("[ref/secret-reference"));
    }
}
