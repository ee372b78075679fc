package dev.manifestkit.validation.schema;

import static dev.manifestkit.validation.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Validator;

/** Alpha and beta versions of Kubernetes' own API groups are documented, but a default API server does not serve them. */
class NotServedRuleTest {

    private static List<String> problems(Validator validator, String json) {
        return validator.validate(List.of(doc(json))).problems().stream()
                .filter(p -> p.ruleId().startsWith("schema")).map(Problem::toString).toList();
    }

    private static List<String> problems(String json) {
        return problems(Validator.forKubernetes("1.35"), json);
    }

    @Test
    void aBetaVersionIsReportedWithTheStableVersionThatIsServed() {
        assertThat(problems("{'apiVersion':'resource.k8s.io/v1beta1','kind':'DeviceClass','metadata':{'name':'gpu'},"
                + "'spec':{}}")).containsExactly("DeviceClass/gpu: Not found: resource.k8s.io/v1beta1 DeviceClass is not "
                + "served by default: Kubernetes 1.35 serves beta API versions only when enabled with --runtime-config; "
                + "resource.k8s.io/v1 is served [schema/not-served]");
    }

    @Test
    void aVersionWithoutAStableOneIsReportedAlone() {
        assertThat(problems("{'apiVersion':'storagemigration.k8s.io/v1beta1','kind':'StorageVersionMigration',"
                + "'metadata':{'name':'m'},'spec':{'resource':{'group':'apps','resource':'deployments'}}}"))
                .containsExactly("StorageVersionMigration/m: Not found: storagemigration.k8s.io/v1beta1 "
                        + "StorageVersionMigration is not served by default: Kubernetes 1.35 serves beta API versions "
                        + "only when enabled with --runtime-config [schema/not-served]");
        assertThat(problems("{'apiVersion':'resource.k8s.io/v1alpha3','kind':'DeviceTaintRule','metadata':{'name':'t'},"
                + "'spec':{'taint':{'key':'k','effect':'NoSchedule'}}}")).singleElement().asString()
                .contains("resource.k8s.io/v1alpha3 DeviceTaintRule is not served by default: Kubernetes 1.35 serves "
                        + "alpha API versions only when enabled with --runtime-config");
    }

    @Test
    void stableVersionsAndCustomResourcesAreNotConcerned() {
        assertThat(problems("{'apiVersion':'resource.k8s.io/v1','kind':'DeviceClass','metadata':{'name':'gpu'},"
                + "'spec':{}}")).isEmpty();
        assertThat(problems(Validator.builder().skipMissingSchemas(true).build(),
                "{'apiVersion':'example.com/v1beta1','kind':'Widget','metadata':{'name':'w'}}")).isEmpty();
    }

    @Test
    void aClustersOwnDefinitionsThatListTheVersionCountItAsServed(@TempDir Path dir) throws IOException {
        var definitions = dir.resolve("cluster.json");
        Files.writeString(definitions, """
                {"definitions": {"io.k8s.api.resource.v1beta1.DeviceClass": {"type": "object",
                  "x-kubernetes-group-version-kind": [{"group": "resource.k8s.io", "version": "v1beta1", "kind": "DeviceClass"}]}}}
                """);
        var validator = Validator.builder().kubernetesVersion("1.35").schemaLocation(definitions).build();
        assertThat(problems(validator, "{'apiVersion':'resource.k8s.io/v1beta1','kind':'DeviceClass',"
                + "'metadata':{'name':'gpu'},'spec':{}}")).isEmpty();
    }
}
