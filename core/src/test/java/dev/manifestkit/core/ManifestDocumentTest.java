package dev.manifestkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.yaml.ManifestReader;

class ManifestDocumentTest {

    private static final String LIST = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: a
            - not-an-object
            - apiVersion: v1
              kind: Secret
              metadata:
                name: b
            """;

    @Test
    void itemLocationsRekeyEachItemsValuesRelativeToTheItem() {
        var list = ManifestReader.create().read(LIST).get(0);

        var perItem = list.itemLocations();

        assertThat(perItem).hasSize(3);
        assertThat(perItem.get(0).get("/metadata/name")).isEqualTo(list.locations().get("/items/0/metadata/name"));
        assertThat(perItem.get(0).get("/metadata/name").line()).isEqualTo(7);
        assertThat(perItem.get(2).get("/kind").line()).isEqualTo(10);
        assertThat(perItem.get(0)).doesNotContainKeys("/items/0/kind", "/kind/").containsKey("");
        assertThat(perItem.get(1)).containsOnlyKeys("");
    }

    @Test
    void itemLocationsAreEmptyWithoutAnItemsArray() {
        var doc = ManifestReader.create().read("apiVersion: v1\nkind: ConfigMap\nitems: {}\n").get(0);

        assertThat(doc.itemLocations()).isEmpty();
    }
}
