package dev.manifestkit.validation;

import static dev.manifestkit.validation.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;

/** A CustomResourceDefinition in the validated set gives its custom resources their schema. */
class CustomResourceDefinitionTest {

    static final String CRD = "{'apiVersion':'apiextensions.k8s.io/v1','kind':'CustomResourceDefinition',"
            + "'metadata':{'name':'brokers.meshery.io'},'spec':{'group':'meshery.io','scope':'Namespaced',"
            + "'names':{'kind':'Broker','plural':'brokers','singular':'broker','listKind':'BrokerList'},'versions':["
            + "{'name':'v1alpha1','served':true,'storage':true,'schema':{'openAPIV3Schema':{'type':'object',"
            + "'properties':{'spec':{'type':'object','required':['size'],'properties':{"
            + "'size':{'type':'integer','minimum':1},"
            + "'port':{'x-kubernetes-int-or-string':true,'anyOf':[{'type':'integer'},{'type':'string'}]},"
            + "'weight':{'x-kubernetes-int-or-string':true},"
            + "'image':{'type':'string','nullable':true},"
            + "'config':{'type':'object','x-kubernetes-preserve-unknown-fields':true},"
            + "'selector':{'type':'object'},"
            + "'labels':{'type':'object','additionalProperties':{'type':'string'}},"
            + "'mode':{'type':'string','enum':['a','b']}}},"
            + "'status':{'type':'object','properties':{'phase':{'type':'string'}}}}}}},"
            + "{'name':'v1alpha0','served':false,'storage':false,'schema':{'openAPIV3Schema':{'type':'object',"
            + "'x-kubernetes-preserve-unknown-fields':true}}}]}}";

    static String broker(String spec) {
        return "{'apiVersion':'meshery.io/v1alpha1','kind':'Broker','metadata':{'name':'b','namespace':'ns'},"
                + "'spec':" + spec + "}";
    }

    private static final Validator VALIDATOR = TestDocs.schemaOnly("1.35", true);

    private static List<String> lines(ValidationReport report) {
        return report.problems().stream().map(Problem::toString).toList();
    }

    private static List<String> validate(String... jsons) {
        var documents = new ArrayList<ManifestDocument>();
        for (int i = 0; i < jsons.length; i++) {
            documents.add(doc(jsons[i], i));
        }
        return lines(VALIDATOR.validate(documents));
    }

    @Test
    void aCustomResourceValidAgainstItsDefinitionInTheSameSetPasses() {
        assertThat(validate(CRD, broker("{'size':3,'port':'http','weight':5,'image':'x','config':{'any':{'thing':1}},"
                + "'labels':{'a':'b'},'mode':'a'}"))).isEmpty();
    }

    @Test
    void anUnknownFieldIsAnErrorWithItsPath() {
        assertThat(validate(CRD, broker("{'size':3,'sise':4}")))
                .containsExactly("Broker/ns/b: spec.sise: Forbidden: unknown field \"spec.sise\" [schema]");
        assertThat(validate(broker("{'size':3,'selector':{'x':1}}"), CRD))
                .containsExactly("Broker/ns/b: spec.selector.x: Forbidden: unknown field \"spec.selector.x\" [schema]");
        assertThat(validate(CRD, "{'apiVersion':'meshery.io/v1alpha1','kind':'Broker','metadata':{'name':'b'},"
                + "'spec':{'size':1},'extra':true}"))
                .containsExactly("Broker/b: extra: Forbidden: unknown field \"extra\" [schema]");
    }

    @Test
    void unknownFieldsPassWhenNotStrict() {
        var lenient = TestDocs.schemaOnly("1.35", false);
        assertThat(lines(lenient.validate(List.of(doc(CRD, 0), doc(broker("{'size':3,'sise':4}"), 1))))).isEmpty();
    }

    @Test
    void aWrongTypeIsAnError() {
        assertThat(validate(CRD, broker("{'size':'three'}")))
                .containsExactly("Broker/ns/b: spec.size: Invalid value: \"three\": must be of type integer [schema]");
        assertThat(validate(CRD, broker("{'size':1,'port':1.5}")))
                .containsExactly("Broker/ns/b: spec.port: Invalid value: 1.5: must be a string or an integer [schema]");
        assertThat(validate(CRD, broker("{'size':1,'labels':{'a':1}}")))
                .containsExactly("Broker/ns/b: spec.labels[a]: Invalid value: 1: must be of type string [schema]");
    }

    @Test
    void aMissingRequiredFieldIsAnError() {
        assertThat(validate(CRD, broker("{'mode':'a'}")))
                .containsExactly("Broker/ns/b: spec.size: Required value [schema]");
    }

    @Test
    void aRequiredFieldWithADefaultIsNotMissingAsTheServerDefaultsItFirst() {
        var defaulted = CRD.replace("'required':['size'],'properties':{'size':{'type':'integer','minimum':1},",
                "'required':['size','mode'],'properties':{'size':{'type':'integer','minimum':1,'default':1},");
        assertThat(defaulted).isNotEqualTo(CRD);
        assertThat(validate(defaulted, broker("{'mode':'a'}"), broker("{'mode':'b','size':null}"))).isEmpty();
        assertThat(validate(defaulted, broker("{}")))
                .containsExactly("Broker/ns/b: spec.mode: Required value [schema]");
    }

    @Test
    void metadataIsTheOfficialObjectMeta() {
        assertThat(validate(CRD, "{'apiVersion':'meshery.io/v1alpha1','kind':'Broker','metadata':{'name':'b',"
                + "'labels':{'a':1},'nmae':'x'},'spec':{'size':1}}"))
                .containsExactlyInAnyOrder(
                        "Broker/b: metadata.labels[a]: Invalid value: 1: must be of type string [schema]",
                        "Broker/b: metadata.nmae: Forbidden: unknown field \"metadata.nmae\" [schema]");
    }

    @Test
    void preserveUnknownFieldsAtTheRootAcceptsAnything() {
        var crd = CRD.replace("'type':'object','properties':{'spec'",
                "'type':'object','x-kubernetes-preserve-unknown-fields':true,'properties':{'spec'");
        assertThat(validate(crd, "{'apiVersion':'meshery.io/v1alpha1','kind':'Broker','metadata':{'name':'b'},"
                + "'spec':{'size':1},'anything':{'goes':1}}")).isEmpty();
        // but the properties it lists are still checked
        assertThat(validate(crd, broker("{'size':'x'}")))
                .containsExactly("Broker/ns/b: spec.size: Invalid value: \"x\": must be of type integer [schema]");
    }

    @Test
    void nullableAndNullFieldsAreAccepted() {
        assertThat(validate(CRD, broker("{'size':1,'image':null,'mode':null}"))).isEmpty();
    }

    @Test
    void anEnumIsChecked() {
        assertThat(validate(CRD, broker("{'size':1,'mode':'c'}")))
                .singleElement().asString().startsWith("Broker/ns/b: spec.mode: ").endsWith("[schema]");
    }

    @Test
    void aVersionThatIsNotServedIsRefused() {
        assertThat(validate(CRD, broker("{'size':1}").replace("v1alpha1", "v1alpha0")))
                .containsExactly("Broker/ns/b: Not found: meshery.io/v1alpha0 Broker is not served: the "
                        + "CustomResourceDefinition brokers.meshery.io has served: false for it (served: v1alpha1)"
                        + " [schema/missing]");
    }

    @Test
    void anUndefinedVersionIsMissingAndTheMessageListsTheDefinedOnes() {
        assertThat(validate(CRD, broker("{'size':1}").replace("v1alpha1", "v1beta1")))
                .containsExactly("Broker/ns/b: Not found: no schema for meshery.io/v1beta1 Broker in Kubernetes 1.35"
                        + " or the CustomResourceDefinitions of the set: brokers.meshery.io defines the versions"
                        + " v1alpha0, v1alpha1 [schema/missing]");
    }

    @Test
    void aCustomResourceWithoutDefinitionIsStillMissing() {
        assertThat(validate(broker("{'size':1}")))
                .containsExactly("Broker/ns/b: Not found: no schema for meshery.io/v1alpha1 Broker in Kubernetes 1.35"
                        + " [schema/missing]");
    }

    @Test
    void aDefinitionWithoutSchemaIsReportedOnceOnTheDefinition() {
        var crd = CRD.replace("'schema':{'openAPIV3Schema':{'type':'object','x-kubernetes-preserve-unknown-fields':true}}",
                "'served':true");
        var report = validate(crd, broker("{'size':1}").replace("v1alpha1", "v1alpha0"));
        assertThat(report).anyMatch(l -> l.equals("CustomResourceDefinition/brokers.meshery.io: "
                + "spec.versions[1].schema.openAPIV3Schema: Required value: schemas are required [schema]"));
        assertThat(report).anyMatch(l -> l.startsWith("Broker/ns/b: Not found: no schema for meshery.io/v1alpha0 Broker")
                && l.contains("brokers.meshery.io has no schema.openAPIV3Schema for version v1alpha0"));
    }

    @Test
    void aSchemaTheApiServerRefusesIsReportedOnTheDefinition() {
        var crd = CRD.replace("'size':{'type':'integer','minimum':1},",
                "'size':{'type':'integer','minimum':1},'kind2':{'type':'foo'},'ref':{'$ref':'#/definitions/X'},"
                        + "'untyped':{'properties':{'a':{'type':'string'}}},'list':{'type':'array','items':[{'type':'string'}]},"
                        + "'both':{'type':'object','properties':{'a':{'type':'string'}},'additionalProperties':false},"
                        + "'re':{'type':'string','pattern':'([a-z'},'named':{'type':'string','pattern':'(?P<x>a)'},"
                        + "'one':{'type':'string','enum':'b'},'req':{'type':'object','required':'a'},");
        var report = validate(crd, broker("{'size':1}"));
        // the API server would not create the definition, so its objects have no schema
        assertThat(report).filteredOn(l -> l.startsWith("Broker/")).containsExactly("Broker/ns/b: Not found: no schema "
                + "for meshery.io/v1alpha1 Broker in Kubernetes 1.35 or the CustomResourceDefinitions of the set: "
                + "brokers.meshery.io cannot use its schema for version v1alpha1: the API server refuses its schema (6 "
                + "problems, reported on the definition) [schema/missing]");
        // $ref and items given as a list keep NewStructural from converting the schema, so the
        // structural checks (types required, patterns compiled) do not run: only the keyword checks report
        assertThat(report).filteredOn(l -> l.startsWith("CustomResourceDefinition/"))
                .map(l -> l.replace("CustomResourceDefinition/brokers.meshery.io: spec.versions[0].schema.openAPIV3Schema.", ""))
                .containsExactlyInAnyOrder(
                        "properties[spec].properties[kind2].type: Unsupported value: \"foo\": supported values: "
                                + "\"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\" [schema]",
                        "properties[spec].properties[ref].$ref: Forbidden: $ref is not supported [schema]",
                        "properties[spec].properties[list].items: Forbidden: items must be a schema object and not an "
                                + "array [schema]",
                        "properties[spec].properties[both].additionalProperties: Forbidden: additionalProperties and "
                                + "properties are mutual exclusive [schema]",
                        "properties[spec].properties[one].enum: Invalid value: \"b\": must be of type array [schema]",
                        "properties[spec].properties[req].required: Invalid value: \"a\": must be of type array "
                                + "[schema]");
    }

    @Test
    void additionalPropertiesTrueBesidePropertiesIsTakenAndKeepsFieldsTheSchemaDoesNotName() {
        // the server refuses additionalProperties beside properties only when it is false or a schema
        var crd = CRD.replace("'spec':{'type':'object','required'", "'spec':{'type':'object','additionalProperties':true,'required'");
        assertThat(validate(crd, broker("{'size':3,'color':'red'}"))).isEmpty();
        assertThat(validate(crd, broker("{'size':'three','color':'red'}")))
                .containsExactly("Broker/ns/b: spec.size: Invalid value: \"three\": must be of type integer [schema]");
    }

    private static List<String> definitionProblems(String crd) {
        return validate(crd).stream().filter(l -> l.startsWith("CustomResourceDefinition/"))
                .map(l -> l.replace("CustomResourceDefinition/brokers.meshery.io: spec.versions[0].schema.openAPIV3Schema.", ""))
                .toList();
    }

    @Test
    void structuralRefusalsTheServerMakesAreReportedOnTheDefinition() {
        var crd = CRD.replace("'mode':{'type':'string','enum':['a','b']}",
                "'mode':{'type':'array','uniqueItems':true,'items':{'type':'string'}},"
                        + "'both':{'x-kubernetes-int-or-string':true,'x-kubernetes-preserve-unknown-fields':true},"
                        + "'emb':{'x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true},"
                        + "'bare':{'type':'object','x-kubernetes-embedded-resource':true},"
                        + "'tpl':{'type':'object','x-kubernetes-embedded-resource':true,'properties':{'kind':{'type':'integer'},"
                        + "'metadata':{'type':'string'}}}");
        assertThat(definitionProblems(crd)).containsExactlyInAnyOrder(
                "properties[spec].properties[mode].uniqueItems: Forbidden: uniqueItems cannot be set to true since the "
                        + "runtime complexity becomes quadratic [schema]",
                "properties[spec].properties[both].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be "
                        + "false if x-kubernetes-int-or-string is true [schema]",
                "properties[spec].properties[emb].type: Required value: must be object if x-kubernetes-embedded-resource "
                        + "is true [schema]",
                "properties[spec].properties[bare].properties: Required value: must not be empty if "
                        + "x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields [schema]",
                "properties[spec].properties[tpl].properties[kind].type: Invalid value: \"integer\": must be string [schema]",
                "properties[spec].properties[tpl].properties[metadata].type: Invalid value: \"string\": must be object "
                        + "[schema]");
        assertThat(validate(crd, broker("{'size':1}"))).anyMatch(l -> l.startsWith("Broker/") && l.endsWith("[schema/missing]"));
    }

    @Test
    void defaultsTheServerRefusesAreReportedOnTheDefinition() {
        var crd = withProperty("'mode':{'type':'string','enum':['a','b'],'default':'c'},"
                + "'count':{'type':'integer','default':'two'},"
                + "'sizes':{'type':'object','properties':{'cpu':{'type':'string'}},'default':{'cpu':'1','gpu':'2'}},"
                + "'ports':{'type':'array','items':{'type':'object','required':['port'],'properties':{"
                + "'port':{'type':'integer','default':80},'name':{'type':'string'}}},'default':[{'name':'http'}]},"
                + "'since':{'type':'string','format':'date-time','default':'yesterday'},"
                + "'tpl':{'type':'object','x-kubernetes-embedded-resource':true,'x-kubernetes-preserve-unknown-fields':true,"
                + "'default':{'kind':'My_Kind'}},"
                + "'emb':{'type':'object','x-kubernetes-embedded-resource':true,'properties':{'metadata':{'type':'object',"
                + "'properties':{'labels':{'type':'object','additionalProperties':{'type':'string'},'default':{'a':'-'}}}}}}");
        var at = "properties[spec].properties[";
        assertThat(definitionProblems(crd)).containsExactlyInAnyOrder(
                at + "mode].default: Invalid value: \"c\": does not have a value in the enumeration [\"a\", \"b\"] [schema]",
                at + "count].default: Invalid value: \"two\": must be of type integer [schema]",
                at + "sizes].default: Invalid value: {\"cpu\":\"1\",\"gpu\":\"2\"}: must not have unknown fields [schema]",
                at + "ports].default[0].port: Required value [schema]",
                at + "since].default: Invalid value: \"yesterday\": in body must be of type date-time: \"yesterday\" [schema]",
                at + "tpl].default.apiVersion: Required value [schema]",
                at + "tpl].default.kind: Invalid value: \"My_Kind\": may have mixed case, but should otherwise match: a "
                        + "DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic "
                        + "character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for "
                        + "validation is '[a-z]([-a-z0-9]*[a-z0-9])?') [schema]",
                at + "emb].properties[metadata].properties[labels].default: Invalid value: {\"a\":\"-\"}: must result in "
                        + "valid metadata: metadata.labels[a]: Invalid value: \"-\": a valid label must be an empty string or "
                        + "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                        + "character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                        + "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?') [schema]");
        assertThat(validate(crd, broker("{'size':1}"))).anyMatch(l -> l.startsWith("Broker/") && l.endsWith("[schema/missing]"));
    }

    @Test
    void defaultsTheServerAcceptsAreNotReported() {
        var crd = withProperty("'free':{'type':'object','x-kubernetes-preserve-unknown-fields':true,'default':{'any':1}},"
                + "'bare':{'x-kubernetes-int-or-string':true,'default':true},"
                + "'ios':{'x-kubernetes-int-or-string':true,'anyOf':[{'type':'integer'},{'type':'string'}],'default':'http'},"
                + "'note':{'type':'string','nullable':true,'default':null},"
                + "'limits':{'type':'object','additionalProperties':{'type':'integer','default':'many'}},"
                + "'tags':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'string'},'default':['a','a']},"
                + "'ports':{'type':'array','items':{'type':'object','required':['port'],'properties':{"
                + "'port':{'type':'integer','default':80}}},'default':[{'port':8080}]},"
                + "'tpl':{'type':'object','x-kubernetes-embedded-resource':true,'properties':{'metadata':{'type':'object',"
                + "'default':{'name':'x','unknown':1}},'spec':{'type':'object'}},"
                + "'default':{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','extra':1},'spec':{}}}");
        assertThat(definitionProblems(crd)).isEmpty();
        assertThat(validate(crd, broker("{'size':1}"))).isEmpty();
    }

    static final String LISTS = CRD.replace("'mode':{'type':'string','enum':['a','b']}",
            "'tags':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'string'}},"
                    + "'any':{'type':'array','items':{'type':'string'}},"
                    + "'pairs':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'object',"
                    + "'x-kubernetes-map-type':'atomic','properties':{'a':{'type':'integer'},'b':{'type':'string'}}}},"
                    + "'groups':{'type':'object','additionalProperties':{'type':'array','x-kubernetes-list-type':'set',"
                    + "'items':{'type':'number'}}},"
                    + "'ports':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['name'],"
                    + "'items':{'type':'object','required':['name'],'properties':{'name':{'type':'string'},"
                    + "'port':{'type':'integer'}}}},"
                    + "'routes':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['host','protocol'],"
                    + "'items':{'type':'object','required':['host'],'properties':{'host':{'type':'string'},"
                    + "'protocol':{'type':'string','default':'TCP'}}}}");

    @Test
    void aSetListHoldsNoValueTwiceAndEachIsReportedWhereItComesTheSecondTime() {
        assertThat(definitionProblems(LISTS)).isEmpty();
        assertThat(validate(LISTS, broker("{'size':1,'tags':['a','b','a','a','b'],'any':['a','a'],"
                + "'groups':{'x':[1,2,1.5,1.5,1]},'pairs':[{'a':1,'b':'x'},{'b':'x','a':1},{'a':1}]}")))
                .containsExactlyInAnyOrder(
                        "Broker/ns/b: spec.tags[2]: Duplicate value: \"a\" [schema]",
                        "Broker/ns/b: spec.tags[4]: Duplicate value: \"b\" [schema]",
                        "Broker/ns/b: spec.groups[x][3]: Duplicate value: 1.5 [schema]",
                        "Broker/ns/b: spec.groups[x][4]: Duplicate value: 1 [schema]",
                        "Broker/ns/b: spec.pairs[1]: Duplicate value: map[string]interface {}{\"a\":1, \"b\":\"x\"} [schema]");
        assertThat(validate(LISTS, broker("{'size':1,'tags':['a','A','1'],'groups':{'x':[1,1.5]},"
                + "'pairs':[{'a':1},{'a':2},{'b':'1'}]}"))).isEmpty();
    }

    @Test
    void aMapListHoldsNoTwoItemsWithTheSameKeysAndAMissingKeyTakesItsDefault() {
        assertThat(validate(LISTS, broker("{'size':1,'ports':[{'name':'http','port':80},{'name':'http','port':81},"
                + "{'name':'grpc','port':80}],'routes':[{'host':'a'},{'host':'a','protocol':'UDP'},"
                + "{'host':'a','protocol':'TCP'}]}")))
                .containsExactlyInAnyOrder(
                        "Broker/ns/b: spec.ports[1]: Duplicate value: map[string]interface {}{\"name\":\"http\"} [schema]",
                        "Broker/ns/b: spec.routes[2]: Duplicate value: map[string]interface {}{\"host\":\"a\", "
                                + "\"protocol\":\"TCP\"} [schema]");
        // two items without their required key: the server reports both the missing keys and the duplicate
        assertThat(validate(LISTS, broker("{'size':1,'ports':[{'port':80},{'port':81}]}")))
                .containsExactlyInAnyOrder(
                        "Broker/ns/b: spec.ports[0].name: Required value [schema]",
                        "Broker/ns/b: spec.ports[1].name: Required value [schema]",
                        "Broker/ns/b: spec.ports[1]: Duplicate value: map[string]interface {}{} [schema]");
        assertThat(validate(LISTS, broker("{'size':1,'ports':[{'name':'http'},{'name':'HTTP'}],"
                + "'routes':[{'host':'a'},{'host':'b'},{'host':'a','protocol':'UDP'}]}"))).isEmpty();
    }

    private static String withProperty(String property) {
        return CRD.replace("'mode':{'type':'string','enum':['a','b']}", property);
    }

    @Test
    void mapListKeysNeedAMapListWhoseItemsHaveThemAsRequiredOrDefaultedScalarProperties() {
        var item = "'items':{'type':'object','required':['name'],'properties':{'name':{'type':'string'}}}";
        var at = "properties[spec].properties[l].";
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-map-keys':['name']," + item + "}")))
                .containsExactly(at + "x-kubernetes-list-type: Required value: must be map if x-kubernetes-list-map-keys "
                        + "is non-empty [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'set',"
                + "'x-kubernetes-list-map-keys':['name'],'items':{'type':'string'}}")))
                .containsExactly(at + "x-kubernetes-list-type: Invalid value: \"set\": must be map if "
                        + "x-kubernetes-list-map-keys is non-empty [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'map'," + item + "}")))
                .containsExactly(at + "x-kubernetes-list-map-keys: Required value: must not be empty if "
                        + "x-kubernetes-list-type is map [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'map',"
                + "'x-kubernetes-list-map-keys':['name'],'items':{'type':'string'}}")))
                .containsExactly(at + "items.type: Invalid value: \"string\": must be object if parent array's "
                        + "x-kubernetes-list-type is map [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'map',"
                + "'x-kubernetes-list-map-keys':['name','nmae','name']," + item + "}")))
                .containsExactly(
                        at + "x-kubernetes-list-map-keys: Invalid value: []string{\"name\", \"nmae\", \"name\"}: entries "
                                + "must all be names of item properties [schema]",
                        at + "x-kubernetes-list-map-keys: Invalid value: []string{\"name\", \"nmae\", \"name\"}: must not "
                                + "contain duplicate entries [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'map',"
                + "'x-kubernetes-list-map-keys':['id','ref'],'items':{'type':'object','required':['ref'],'properties':{"
                + "'id':{'type':'string','nullable':true},'ref':{'type':'object'}}}}")))
                .containsExactlyInAnyOrder(
                        at + "items.properties[ref].type: Invalid value: \"object\": must be a scalar type if parent "
                                + "array's x-kubernetes-list-type is map [schema]",
                        at + "items.properties[id].default: Required value: this property is in "
                                + "x-kubernetes-list-map-keys, so it must have a default or be a required property [schema]",
                        at + "items.properties[id].nullable: Forbidden: this property is in x-kubernetes-list-map-keys, "
                                + "so it cannot be nullable [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'map',"
                + "'x-kubernetes-list-map-keys':['name','port'],'items':{'type':'object','required':['name'],"
                + "'properties':{'name':{'type':'string'},'port':{'type':'integer','default':80}}}}"))).isEmpty();
    }

    @Test
    void aListTypeNeedsAnArrayOfAKnownTypeAndASetAtomicItemsThatAreNotNullable() {
        var at = "properties[spec].properties[l].";
        assertThat(definitionProblems(withProperty("'l':{'type':'string','x-kubernetes-list-type':'set'}")))
                .containsExactly(at + "type: Invalid value: \"string\": must be array if x-kubernetes-list-type is "
                        + "specified [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'bag',"
                + "'items':{'type':'string'}}")))
                .containsExactly(at + "x-kubernetes-list-type: Unsupported value: \"bag\": supported values: \"atomic\", "
                        + "\"set\", \"map\" [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'set',"
                + "'items':{'type':'object','nullable':true,'properties':{'a':{'type':'string'}}}}")))
                .containsExactlyInAnyOrder(
                        at + "items.x-kubernetes-map-type: Invalid value: \"null\": must be atomic as item of a list "
                                + "with x-kubernetes-list-type=set [schema]",
                        at + "items.nullable: Forbidden: cannot be nullable when x-kubernetes-list-type is set [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'set',"
                + "'items':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'string'}}}")))
                .containsExactly(at + "items.x-kubernetes-list-type: Invalid value: \"set\": must be atomic as item of "
                        + "a list with x-kubernetes-list-type=set [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'array','x-kubernetes-list-type':'set',"
                + "'items':{'type':'array','x-kubernetes-list-type':'atomic','items':{'type':'string'}}},"
                + "'m':{'type':'array','x-kubernetes-list-type':'atomic','items':{'type':'object',"
                + "'properties':{'a':{'type':'string'}}}}"))).isEmpty();
    }

    @Test
    void listAndMapTypesInALogicalBranchAreNotStructuralAndAMapTypeNeedsAnObject() {
        var at = "properties[spec].properties[l].";
        assertThat(definitionProblems(withProperty("'l':{'type':'array','items':{'type':'string'},"
                + "'allOf':[{'x-kubernetes-list-type':'set'}]}")))
                .containsExactlyInAnyOrder(
                        at + "allOf[0].x-kubernetes-list-type: Forbidden: must be undefined to be structural [schema]",
                        at + "allOf[0].type: Required value: must be array if x-kubernetes-list-type is specified [schema]");
        assertThat(definitionProblems(withProperty("'l':{'type':'string','x-kubernetes-map-type':'granular'},"
                + "'m':{'type':'object','x-kubernetes-map-type':'loose'}")))
                .containsExactlyInAnyOrder(
                        at + "type: Invalid value: \"string\": must be object if x-kubernetes-map-type is specified [schema]",
                        "properties[spec].properties[m].x-kubernetes-map-type: Unsupported value: \"loose\": supported "
                                + "values: \"atomic\", \"granular\" [schema]");
    }

    @Test
    void theRootTakesNoAdditionalPropertiesAndItsMetadataOnlyNameAndGenerateName() {
        var rootMap = CRD.replaceFirst(java.util.regex.Pattern.quote("'openAPIV3Schema':{'type':'object',"), "'openAPIV3Schema':{'type':'object',"
                + "'additionalProperties':true,");
        assertThat(definitionProblems(rootMap)).containsExactly(
                "additionalProperties: Forbidden: must not be used at the root [schema]");
        var labels = CRD.replace("'properties':{'spec':{'type':'object','required'", "'properties':{'metadata':{'type':'object',"
                + "'properties':{'name':{'type':'string','maxLength':20},'labels':{'type':'object'}}},"
                + "'spec':{'type':'object','required'");
        assertThat(definitionProblems(labels)).containsExactly("properties[metadata]: Forbidden: must not specify anything "
                + "other than name and generateName, but metadata is implicitly specified [schema]");
        var nameOnly = CRD.replace("'properties':{'spec':{'type':'object','required'", "'properties':{'metadata':{'type':'object',"
                + "'properties':{'name':{'type':'string','maxLength':20},'generateName':{'type':'string'}}},"
                + "'spec':{'type':'object','required'");
        assertThat(definitionProblems(nameOnly)).isEmpty();
        var additionalFalseNested = CRD.replace("'selector':{'type':'object'}", "'selector':{'type':'object','additionalProperties':false}");
        assertThat(definitionProblems(additionalFalseNested)).isEmpty();
    }

    @Test
    void anEmbeddedResourceNeedsApiVersionAndKindEvenWhenItPreservesUnknownFields() {
        var crd = CRD.replace("'selector':{'type':'object'}", "'selector':{'type':'object','x-kubernetes-embedded-resource':true,"
                + "'x-kubernetes-preserve-unknown-fields':true}");
        assertThat(validate(crd, broker("{'size':1,'selector':{'apiVersion':'v1','kind':'ConfigMap','data':{}}}"))).isEmpty();
        assertThat(validate(crd, broker("{'size':1,'selector':{'data':{}}}"))).containsExactlyInAnyOrder(
                "Broker/ns/b: spec.selector.apiVersion: Required value [schema]",
                "Broker/ns/b: spec.selector.kind: Required value [schema]");
        assertThat(validate(crd, broker("{'size':1,'selector':{'apiVersion':'a/b/c','kind':''}}"))).containsExactlyInAnyOrder(
                "Broker/ns/b: spec.selector.apiVersion: Invalid value: \"a/b/c\": unexpected GroupVersion string: a/b/c [schema]",
                "Broker/ns/b: spec.selector.kind: Invalid value: \"\": must not be empty [schema]");
    }

    @Test
    void aStringFormatTheServerChecksIsAnErrorWordedAsTheServerWordsIt() {
        var crd = CRD.replace("'image':{'type':'string','nullable':true}",
                "'image':{'type':'string','format':'date-time'},'ids':{'type':'array','items':{'type':'string','format':'uuid'}},"
                        + "'mail':{'type':'string','format':'email'},'odd':{'type':'string','format':'no-such-format'}");
        assertThat(validate(crd, broker("{'size':3,'image':'2024-01-31T10:00:00Z','ids':['123e4567-e89b-12d3-a456-426614174000'],"
                + "'mail':'not an address','odd':'x'}"))).isEmpty();
        assertThat(validate(crd, broker("{'size':3,'image':'yesterday','ids':['123e4567-e89b-12d3-a456-426614174000','x']}")))
                .containsExactlyInAnyOrder(
                        "Broker/ns/b: spec.image: Invalid value: \"yesterday\": spec.image in body must be of type "
                                + "date-time: \"yesterday\" [schema]",
                        "Broker/ns/b: spec.ids[1]: Invalid value: \"x\": spec.ids[1] in body must be of type uuid: "
                                + "\"x\" [schema]");
    }

    @Test
    void formatsAreNotAssertedOnBuiltInKinds() {
        var secret = "{'apiVersion':'v1','kind':'Secret','metadata':{'name':'s','creationTimestamp':'soon'},"
                + "'data':{'k':'not base64!'}}";
        assertThat(validate(secret)).isEmpty();
    }

    @Test
    void aGoPatternWithALiteralBraceIsTakenAndEnforced() {
        // Go's parser reads a '{' that starts no repetition as a literal; Java's refuses it
        var crd = CRD.replace("'mode':{'type':'string','enum':['a','b']}", "'mode':{'type':'string','pattern':'^{{[a-z]+}}$'}");
        assertThat(validate(crd, broker("{'size':3,'mode':'{{abc}}'}"))).isEmpty();
        assertThat(validate(crd, broker("{'size':3,'mode':'abc'}")))
                .singleElement().asString().startsWith("Broker/ns/b: spec.mode: ").endsWith("[schema]");
    }

    @Test
    void aSchemaEveryVersionSharesIsReportedWhereTheV1ConversionMovesIt() {
        // one version (or several with the same schema): the server validates spec.validation
        var crd = "{'apiVersion':'apiextensions.k8s.io/v1','kind':'CustomResourceDefinition',"
                + "'metadata':{'name':'widgets.example.com'},'spec':{'group':'example.com','scope':'Namespaced',"
                + "'names':{'kind':'Widget','plural':'widgets'},'versions':[{'name':'v1','served':true,'storage':true,"
                + "'subresources':{'status':{}},'schema':{'openAPIV3Schema':{'type':'object','nullable':true,"
                + "'properties':{'spec':{'type':'object','properties':{'a':{'type':'string'}},"
                + "'oneOf':[{'type':'object','required':['a']}]},'status':{'type':'object'}}}}}]}}";
        assertThat(validate(crd)).containsExactlyInAnyOrder(
                "CustomResourceDefinition/widgets.example.com: spec.validation.openAPIV3Schema: Invalid value: only "
                        + "[Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength "
                        + "MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties "
                        + "ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of "
                        + "the schema if the status subresource is enabled [schema]",
                "CustomResourceDefinition/widgets.example.com: spec.validation.openAPIV3Schema.nullable: Forbidden: "
                        + "nullable cannot be true at the root [schema]",
                "CustomResourceDefinition/widgets.example.com: spec.validation.openAPIV3Schema.properties[spec]"
                        + ".oneOf[0].type: Forbidden: must be empty to be structural [schema]");
    }

    @Test
    void aDefinitionWhoseSchemaIsUnusableIsReportedOnTheDefinitionAndNothingThrows() {
        var crd = CRD.replace("'type':'object','properties':{'spec'", "'type':'string','properties':{'spec'");
        var report = validate(crd, broker("{'size':1}"));
        assertThat(report).filteredOn(l -> l.startsWith("CustomResourceDefinition/"))
                .containsExactly("CustomResourceDefinition/brokers.meshery.io: spec.versions[0].schema.openAPIV3Schema"
                        + ".type: Invalid value: \"string\": must be object at the root [schema]");
        assertThat(report).filteredOn(l -> l.startsWith("Broker/")).singleElement().asString()
                .contains("[schema/missing]").contains("cannot use its schema for version v1alpha1");
    }

    @Test
    void officialDefinitionsWinOverADefinitionOfTheSet() {
        var crd = CRD.replace("'group':'meshery.io'", "'group':'apps'").replace("'kind':'Broker'", "'kind':'Deployment'");
        var deployment = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d'},'spec':{'size':1}}";
        assertThat(validate(crd, deployment)).anyMatch(l -> l.contains("unknown field \"spec.size\""));
    }

    @Test
    void aDefinitionExistingOutOfBandCountsToo() {
        var report = VALIDATOR.validate(List.of(doc(broker("{'size':'x'}"), 0)), List.of(doc(CRD, 1)));
        assertThat(lines(report))
                .containsExactly("Broker/ns/b: spec.size: Invalid value: \"x\": must be of type integer [schema]");
    }

    @Test
    void validatingTheSameSetAgainReusesTheCompiledSchemas() {
        for (int i = 0; i < 3; i++) {
            assertThat(validate(CRD, broker("{'size':0}"))).singleElement().asString()
                    .startsWith("Broker/ns/b: spec.size: Invalid value: 0: ");
        }
    }

    @Test
    void twoDefinitionsDisagreeingAboutAKindValidateAgainstNeither() {
        var other = CRD.replace("brokers.meshery.io", "brokers2.meshery.io").replace("'minimum':1", "'minimum':5");
        var expected = "Broker/ns/b: Invalid value: the CustomResourceDefinitions brokers.meshery.io, brokers2.meshery.io"
                + " give meshery.io/v1alpha1 Broker different schemas; not validated against either [schema]";
        assertThat(validate(CRD, other, broker("{'size':1,'sise':1}"))).containsExactly(expected);
        // the same definition twice is no conflict
        assertThat(validate(CRD, CRD, broker("{'size':1}"))).isEmpty();
        // and a session gives the same, whatever the order
        for (var order : List.of(List.of(0, 1, 2), List.of(2, 0, 1), List.of(0, 2, 1))) {
            var docs = List.of(doc(CRD, 0), doc(other, 1), doc(broker("{'size':1,'sise':1}"), 2));
            var session = VALIDATOR.session();
            order.forEach(i -> session.add(docs.get(i)));
            assertThat(lines(session.finish())).as("order %s", order).containsExactly(expected);
        }
    }

    @Test
    void aSessionChecksACustomResourceAddedBeforeItsDefinitionInFinish() {
        var session = VALIDATOR.session();
        var early = session.add(doc(broker("{'size':1,'sise':2}"), 0));
        assertThat(early.problems()).isEmpty(); // its schema problems come with finish()
        session.add(doc(CRD, 1));
        var late = session.add(doc(broker("{'size':'x'}").replace("'b'", "'c'"), 2));
        assertThat(late.problems()).extracting(Problem::toString)
                .containsExactly("Broker/ns/c: spec.size: Invalid value: \"x\": must be of type integer [schema]");
        assertThat(lines(session.finish())).containsExactly(
                "Broker/ns/b: spec.sise: Forbidden: unknown field \"spec.sise\" [schema]",
                "Broker/ns/c: spec.size: Invalid value: \"x\": must be of type integer [schema]");
    }

    @Test
    void aSessionStillReportsMissingSchemasAtTheEnd() {
        var session = VALIDATOR.perObjectSession();
        session.add(doc(broker("{'size':1}"), 0));
        session.add(doc(CRD.replace("'group':'meshery.io'", "'group':'other.io'"), 1));
        assertThat(lines(session.finish())).containsExactly(
                "Broker/ns/b: Not found: no schema for meshery.io/v1alpha1 Broker in Kubernetes 1.35 [schema/missing]");
    }

    @Test
    void aCustomResourceBeyondTheKeptOnesIsToldItsDefinitionCameTooLate() {
        var session = VALIDATOR.perObjectSession();
        var broker = doc(broker("{'size':1}"), 0);
        for (int i = 0; i <= ValidationSession.MAX_DEFERRED; i++) {
            session.add(broker);
        }
        session.add(doc(CRD, 1));
        var lines = lines(session.finish());
        assertThat(lines).hasSize(1).first().asString()
                .startsWith("Broker/ns/b: Not found: no schema for meshery.io/v1alpha1 Broker yet: its "
                        + "CustomResourceDefinition comes later in the input, after more than 10000 custom resources");
    }

    @Test
    void theReportIsTheSameWhateverTheOrderOfAdditionsAndThreads() throws Exception {
        var docs = new ArrayList<ManifestDocument>();
        docs.add(doc(CRD, 0));
        for (int i = 1; i <= 60; i++) {
            var spec = switch (i % 4) {
                case 0 -> "{'size':1}";
                case 1 -> "{'size':'x'}";
                case 2 -> "{'sise':1}";
                default -> "{'size':1}";
            };
            var json = broker(spec).replace("'b'", "'b" + i + "'");
            docs.add(doc(i % 4 == 3 ? json.replace("v1alpha1", "v2") : json, i));
        }
        var expected = lines(VALIDATOR.validate(docs));
        assertThat(expected).hasSize(60);
        for (int round = 0; round < 4; round++) {
            var shuffled = new ArrayList<>(docs);
            Collections.shuffle(shuffled, new java.util.Random(round));
            var session = VALIDATOR.session();
            var pool = Executors.newFixedThreadPool(3);
            shuffled.forEach(d -> pool.submit(() -> session.add(d)));
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(lines(session.finish())).as("round %d", round).isEqualTo(expected);
        }
    }

    /** crossplane's Provider (pkg.crossplane.io_providers.yaml), cut down: conditions need four fields. */
    static final String PROVIDER_CRD = "{'apiVersion':'apiextensions.k8s.io/v1','kind':'CustomResourceDefinition',"
            + "'metadata':{'name':'providers.pkg.crossplane.io'},'spec':{'group':'pkg.crossplane.io','scope':'Cluster',"
            + "'names':{'kind':'Provider','plural':'providers'},'versions':[{'name':'v1','served':true,'storage':true,"
            + "'subresources':{'status':{}},'schema':{'openAPIV3Schema':{'type':'object','properties':{"
            + "'spec':{'type':'object','required':['package'],'properties':{'package':{'type':'string'},"
            + "'revisionHistoryLimit':{'type':'integer','format':'int64'},'replicas':{'type':'integer','format':'int32'},"
            + "'count':{'type':'integer'}}},"
            + "'status':{'type':'object','properties':{'conditions':{'type':'array','items':{'type':'object',"
            + "'required':['lastTransitionTime','reason','status','type'],'properties':{"
            + "'lastTransitionTime':{'type':'string','format':'date-time'},'reason':{'type':'string'},"
            + "'status':{'type':'string'},'type':{'type':'string'}}}},"
            + "'currentRevision':{'type':'string'}}}}}}}]}}";

    static String provider(String rest) {
        return "{'apiVersion':'pkg.crossplane.io/v1','kind':'Provider','metadata':{'name':'provider-aws'},"
                + "'spec':{'package':'xpkg.crossplane.io/crossplane-contrib/provider-aws:v0.43.1'}" + rest + "}";
    }

    @Test
    void theStatusOfAResourceWithTheStatusSubresourceIsDroppedOnCreateSoOnlyUnknownFieldsCount() {
        var status = ",'status':{'conditions':[{'type':'Healthy','status':'True'}],'currentRevision':7}";
        assertThat(validate(PROVIDER_CRD, provider(status))).isEmpty();
        assertThat(validate(PROVIDER_CRD, provider(",'status':{'currentRevison':'provider-aws-1'}")))
                .containsExactly("Provider/provider-aws: status.currentRevison: Forbidden: unknown field "
                        + "\"status.currentRevison\" [schema]");
        // without the subresource, status is validated like the rest
        var plain = PROVIDER_CRD.replace("'subresources':{'status':{}},", "");
        assertThat(validate(plain, provider(status))).containsExactlyInAnyOrder(
                "Provider/provider-aws: status.conditions[0].reason: Required value [schema]",
                "Provider/provider-aws: status.conditions[0].lastTransitionTime: Required value [schema]",
                "Provider/provider-aws: status.currentRevision: Invalid value: 7: must be of type string [schema]");
    }

    @Test
    void aDroppedStatusWithMoreErrorsThanAreKeptLeavesTheResourceValid() {
        // 2,500 conditions that are no objects: more errors than the schema layer keeps, all in the dropped status
        var conditions = String.join(",", java.util.Collections.nCopies(2_500, "'Healthy'"));
        assertThat(validate(PROVIDER_CRD, provider(",'status':{'conditions':[" + conditions + "]}"))).isEmpty();
    }

    @Test
    void aCustomResourcesIntegersAre64BitOnesWhateverTheirFormat() {
        assertThat(validate(PROVIDER_CRD, provider("").replace("'}}", "','replicas':3000000000}}"))).isEmpty();
        assertThat(validate(PROVIDER_CRD, provider("").replace("'}}",
                "','replicas':99999999999999999999,'count':99999999999999999999}}"))).containsExactlyInAnyOrder(
                "Provider/provider-aws: spec.replicas: Invalid value: 99999999999999999999: must fit in a 64-bit integer "
                        + "(-9223372036854775808 to 9223372036854775807) [schema]",
                "Provider/provider-aws: spec.count: Invalid value: 99999999999999999999: must fit in a 64-bit integer "
                        + "(-9223372036854775808 to 9223372036854775807) [schema]");
    }

    @Test
    void anEmbeddedResourcesDeclaredMetadataMakesNoFieldUnknownAsTheServerDoesNotPruneIt() {
        var crd = CRD.replace("'selector':{'type':'object'},", "'selector':{'type':'object'},"
                + "'template':{'type':'object','x-kubernetes-embedded-resource':true,'properties':{"
                + "'apiVersion':{'type':'string'},'kind':{'type':'string'},'metadata':{'type':'object'},"
                + "'spec':{'type':'object','properties':{'replicas':{'type':'integer'}}}}},");
        assertThat(crd).isNotEqualTo(CRD);
        assertThat(validate(crd, broker("{'size':1,'template':{'apiVersion':'v1','kind':'ConfigMap',"
                + "'metadata':{'name':'cm','labels':{'app':'x'}},'spec':{'replicas':2}}}"))).isEmpty();
        assertThat(validate(crd, broker("{'size':1,'template':{'apiVersion':'v1','kind':'ConfigMap','metadata':'cm',"
                + "'spec':{'replicas':2,'x':1}}}")))
                .containsExactlyInAnyOrder(
                        "Broker/ns/b: spec.template.metadata: Invalid value: \"cm\": must be of type object [schema]",
                        "Broker/ns/b: spec.template.spec.x: Forbidden: unknown field \"spec.template.spec.x\" [schema]");
    }

    @Test
    void builtInKindsAreUnaffectedByDefinitionsInTheSet() {
        var pod = "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[{'name':'c','image':'i',"
                + "'imagePullPolicy':'Always'}],'nope':1}}";
        assertThat(validate(CRD, pod)).containsExactly("Pod/p: spec.nope: Forbidden: unknown field \"spec.nope\" [schema]");
    }
}
