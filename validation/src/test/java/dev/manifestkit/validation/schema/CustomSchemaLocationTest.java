package dev.manifestkit.validation.schema;

import static dev.manifestkit.validation.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.Validator;

/** Users point at their own definitions: custom resources and exact cluster versions validate. */
class CustomSchemaLocationTest {

    private static final String WIDGET_DEFINITIONS = """
            {"definitions": {"com.example.v1.Widget": {
              "type": "object", "required": ["spec"],
              "properties": {
                "apiVersion": {"type": "string"}, "kind": {"type": "string"},
                "metadata": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"},
                "spec": {"type": "object", "required": ["size"], "properties": {
                  "size": {"type": "integer"},
                  "config": {"type": "object", "x-kubernetes-preserve-unknown-fields": true,
                             "properties": {"mode": {"type": "string"}}}}}},
              "x-kubernetes-group-version-kind": [{"group": "example.com", "version": "v1", "kind": "Widget"}]}}}
            """;

    @TempDir
    Path dir;

    private Validator validatorWith(Path location) {
        return Validator.builder().schemaLocation(location).rules(List.of()).build();
    }

    private static List<String> problems(Validator validator, String json) {
        return validator.validate(List.of(doc(json))).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void customResourceValidatesAgainstItsDefinitionAndTheOfficialObjectMeta() throws IOException {
        var validator = validatorWith(Files.writeString(dir.resolve("widgets.json"), WIDGET_DEFINITIONS));
        assertThat(problems(validator, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},"
                + "'spec':{'size':3}}")).isEmpty();
        assertThat(problems(validator, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w','nam':'x'},"
                + "'spec':{'size':'big'}}")).containsExactly(
                "Widget/w: metadata.nam: Forbidden: unknown field \"metadata.nam\" [schema]",
                "Widget/w: spec.size: Invalid value: \"big\": must be of type integer [schema]");
    }

    @Test
    void preserveUnknownFieldsKeepsStrictModeFromRejectingFreeFormSettings() throws IOException {
        var validator = validatorWith(Files.writeString(dir.resolve("widgets.json"), WIDGET_DEFINITIONS));
        assertThat(problems(validator, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},"
                + "'spec':{'size':1,'config':{'mode':'fast','anything':{'goes':true}}}}")).isEmpty();
    }

    @Test
    void builtInKindsStillUseTheBundledDefinitions() throws IOException {
        var validator = validatorWith(Files.writeString(dir.resolve("widgets.json"), WIDGET_DEFINITIONS));
        assertThat(problems(validator, "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'dat':{}}"))
                .containsExactly("ConfigMap/c: dat: Forbidden: unknown field \"dat\" [schema]");
    }

    @Test
    void clusterOpenApiDocumentAndDirectoryLocationsAreAccepted() throws IOException {
        var openapi = "{\"swagger\":\"2.0\",\"info\":{\"title\":\"Kubernetes\"},\"paths\":{\"/api\":{}},"
                + WIDGET_DEFINITIONS.strip().substring(1);
        var folder = Files.createDirectories(dir.resolve("cluster"));
        Files.writeString(folder.resolve("_definitions.json"), openapi);
        var validator = validatorWith(folder);
        assertThat(problems(validator, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},'spec':{}}"))
                .containsExactly("Widget/w: spec.size: Required value [schema]");
    }

    @Test
    void upstreamIntOrStringAndQuantityAreWidenedAsTheApiServerAcceptsThem() throws IOException {
        var upstream = Files.writeString(dir.resolve("openapi-v2.json"), """
                {"swagger": "2.0", "definitions": {
                  "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"type": "string", "format": "int-or-string"},
                  "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": "string"},
                  "com.example.v1.Gadget": {"type": "object", "properties": {
                    "apiVersion": {"type": "string"}, "kind": {"type": "string"},
                    "metadata": {"type": "object"},
                    "port": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString"},
                    "size": {"$ref": "#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity"},
                    "surge": {"x-kubernetes-int-or-string": true}},
                   "x-kubernetes-group-version-kind": [{"group": "example.com", "version": "v1", "kind": "Gadget"}]}}}
                """);
        var validator = validatorWith(upstream);
        assertThat(problems(validator, "{'apiVersion':'example.com/v1','kind':'Gadget','metadata':{},"
                + "'port':8080,'size':2,'surge':'25%'}")).isEmpty();
        assertThat(problems(validator, "{'apiVersion':'example.com/v1','kind':'Gadget','metadata':{},"
                + "'port':true,'size':[],'surge':1.5}")).containsExactly(
                "Gadget/?: port: Invalid value: true: must be a string or an integer [schema]",
                "Gadget/?: size: Invalid value: []: must be a string or a number [schema]",
                "Gadget/?: surge: Invalid value: 1.5: must be a string or an integer [schema]");
    }

    @Test
    void missingSchemaMessageNamesTheUserDocumentToo() throws IOException {
        var file = Files.writeString(dir.resolve("widgets.json"), WIDGET_DEFINITIONS);
        assertThat(problems(validatorWith(file), "{'apiVersion':'example.com/v2','kind':'Widget','metadata':{'name':'w'}}"))
                .containsExactly("Widget/w: Not found: no schema for example.com/v2 Widget in " + file
                        + " or Kubernetes 1.35 [schema/missing]");
    }

    @Test
    void keywordsBeyondTheOfficialSubsetAreStillEnforced() throws IOException {
        var file = Files.writeString(dir.resolve("strict-widgets.json"), WIDGET_DEFINITIONS.replace(
                "\"size\": {\"type\": \"integer\"}", "\"size\": {\"type\": \"integer\", \"minimum\": 1}"));
        var validator = validatorWith(file);
        assertThat(problems(validator, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},"
                + "'spec':{'size':1}}")).isEmpty();
        assertThat(problems(validator, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},"
                + "'spec':{'size':0}}")).singleElement().asString()
                .startsWith("Widget/w: spec.size: Invalid value: 0: ").contains("1").endsWith("[schema]");
    }

    @Test
    void anUnbundledVersionWorksFromAClusterDocumentAlone() throws IOException {
        var file = Files.writeString(dir.resolve("cluster-1.30.json"), WIDGET_DEFINITIONS.replace(
                "\"$ref\": \"#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta\"", "\"type\": \"object\""));
        var validator = Validator.builder().kubernetesVersion("1.30").schemaLocation(file).rules(List.of()).build();
        assertThat(problems(validator, "{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},"
                + "'spec':{'size':1}}")).isEmpty();
        assertThat(problems(validator, "{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'}}"))
                .containsExactly("ConfigMap/c: Not found: no schema for v1 ConfigMap in " + file + " [schema/missing]");
    }

    @Test
    void unreadableLocationsFailWhenTheValidatorIsBuilt() throws IOException {
        assertThatThrownBy(() -> validatorWith(dir.resolve("nope.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("schema location " + dir.resolve("nope.json") + " does not exist");
        var notJson = Files.writeString(dir.resolve("bad.json"), "{\"definitions\": [");
        assertThatThrownBy(() -> validatorWith(notJson))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(notJson + ": not valid JSON");
        var noDefinitions = Files.writeString(dir.resolve("empty.json"), "{\"swagger\": \"2.0\"}");
        assertThatThrownBy(() -> validatorWith(noDefinitions))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(noDefinitions + ": has no \"definitions\" object"
                        + " (expected a cluster's /openapi/v2 document or a _definitions.json)");
    }

    @Test
    void definitionsThatReferToOnesTheyLackAreOneProblemNotAnInternalError() throws IOException {
        var definitions = dir.resolve("partial.json");
        Files.writeString(definitions, """
                {"definitions": {"com.example.Widget": {"type": "object",
                  "properties": {"spec": {"$ref": "#/definitions/com.example.WidgetSpec"}},
                  "x-kubernetes-group-version-kind": [{"group": "example.com", "version": "v1", "kind": "Widget"}]}}}
                """);
        var validator = Validator.builder().kubernetesVersion("1.35").schemaLocation(definitions).build();
        assertThat(validator.validate(List.of(doc("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'}}")))
                .problems()).extracting(Problem::toString).containsExactly("Widget/w: Not found: cannot check "
                + "example.com/v1 Widget: " + definitions + ": definition com.example.Widget refers to com.example.WidgetSpec, "
                + "which no definitions document defines [schema]");
    }
}
