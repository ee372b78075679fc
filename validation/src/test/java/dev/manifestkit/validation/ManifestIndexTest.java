package dev.manifestkit.validation;

import static dev.manifestkit.validation.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.ManifestDocument;

class ManifestIndexTest {

    private static ManifestDocument service(String namespace, String name, int index) {
        var ns = namespace == null ? "" : ",'namespace':'" + namespace + "'";
        return doc("{'apiVersion':'v1','kind':'Service','metadata':{'name':'" + name + "'" + ns + "}}", index);
    }

    @Test
    void findReturnsTheFirstMatchPreferringValidatedObjectsOverExistingOnes() {
        var first = service("a", "web", 0);
        var second = service("a", "web", 1);
        var existing = service("a", "web", 0);
        var index = new ManifestIndex(List.of(first, second), List.of(existing));

        assertThat(index.find("Service", "a", "web")).containsSame(first);
        assertThat(index.find("Service", "b", "web")).isEmpty();
        assertThat(index.find("Secret", "a", "web")).isEmpty();
    }

    @Test
    void findTreatsANullOrEmptyNamespaceAsNoNamespace() {
        var unnamespaced = service(null, "web", 0);
        var index = new ManifestIndex(List.of(unnamespaced), List.of());

        assertThat(index.find("Service", null, "web")).containsSame(unnamespaced);
        assertThat(index.find("Service", "", "web")).containsSame(unnamespaced);
        assertThat(index.ofKind("Service", null)).containsExactly(unnamespaced);
    }

    @Test
    void findsObjectsThatExistOutOfBand() {
        var existing = service("a", "legacy", 0);
        var index = new ManifestIndex(List.of(service("a", "web", 0)), List.of(existing));

        assertThat(index.find("Service", "a", "legacy")).containsSame(existing);
        assertThat(index.firstOf("Service", "a", "legacy")).isEmpty();
    }

    @Test
    void ofKindInANamespaceKeepsSetOrderAndLeavesOtherNamespacesOut() {
        var a1 = service("a", "one", 0);
        var b1 = service("b", "one", 1);
        var a2 = service("a", "two", 2);
        var index = new ManifestIndex(List.of(a1, b1, a2), List.of());

        assertThat(index.ofKind("Service", "a")).containsExactly(a1, a2);
        assertThat(index.ofKind("Service", "b")).containsExactly(b1);
        assertThat(index.ofKind("Service", "c")).isEmpty();
        assertThat(index.ofKind("Service")).containsExactly(a1, b1, a2);
    }

    @Test
    void duplicateIsReportedOnEachLaterObjectAndNamesTheFirst() {
        var documents = new ArrayList<ManifestDocument>();
        documents.add(service("a", "web", 0));
        documents.add(service("b", "web", 1));
        documents.add(service("a", "web", 2));
        documents.add(service("a", "web", 3));

        var report = Validator.builder().rules(dev.manifestkit.validation.rules.Rules.all())
                .disable("schema").build().validate(documents);

        var duplicates = report.problems().stream().filter(p -> p.ruleId().equals("ref/duplicate-object")).toList();
        assertThat(duplicates).hasSize(2);
        assertThat(duplicates).allSatisfy(p -> {
            assertThat(p.object().namespace()).isEqualTo("a");
            assertThat(p.message()).contains("comes earlier (<memory>, document 0)");
        });
    }
}
