package dev.manifestkit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(LineDiff.unified("a\nb\n", "a\nb\n", "old", "new")).isEmpty();
    }

    @Test
    void changedLineShowsAsRemovedThenAddedWithContextAndLineNumbers() {
        var expected = "l1\nl2\nl3\nl4\nreplicas: 1\nl6\nl7\nl8\nl9\n";
        var actual = "l1\nl2\nl3\nl4\nreplicas: 3\nl6\nl7\nl8\nl9\n";

        assertThat(LineDiff.unified(expected, actual, "snapshot", "actual")).isEqualTo("""
                --- snapshot
                +++ actual
                @@ -2,7 +2,7 @@
                 l2
                 l3
                 l4
                -replicas: 1
                +replicas: 3
                 l6
                 l7
                 l8
                """);
    }

    @Test
    void distantChangesGetSeparateHunks() {
        var expected = "a\n1\n2\n3\n4\n5\n6\n7\n8\n9\nb\n";
        var actual = "A\n1\n2\n3\n4\n5\n6\n7\n8\n9\nB\n";

        var diff = LineDiff.unified(expected, actual, "old", "new");

        assertThat(diff).contains("@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n")
                .contains("@@ -8,4 +8,4 @@\n 7\n 8\n 9\n-b\n+B\n");
    }

    @Test
    void insertedAndDeletedLinesAreAligned() {
        var diff = LineDiff.unified("a\nb\nc\n", "a\nx\nb\n", "old", "new");

        assertThat(diff).isEqualTo("""
                --- old
                +++ new
                @@ -1,3 +1,3 @@
                 a
                +x
                 b
                -c
                """);
    }

    @Test
    void missingFinalNewlineIsPointedOut() {
        assertThat(LineDiff.unified("a\n", "a", "old", "new")).contains("actual text has no newline at end");
    }
}
