package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/**
 * Binding a read Secret to fabric8 fails without quoting the value that did not fit (Jackson's
 * own message would), anywhere in the exception chain; other kinds keep Jackson's message.
 */
class ReadObjectsSecretRedactionTest {

    private static final String VALUE = "s3cret-Value-Qx7";

    private static String fullTrace(Throwable e) {
        var out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @Test
    void aSecretValueInAFieldOfTheWrongTypeIsNamedByFieldButNotShown() {
        var e = catchThrowableOfType(ManifestReadException.class, () -> ManifestReader.create().readObjects(
                "apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nimmutable: " + VALUE + "\n"));

        assertThat(e.getMessage()).contains("Secret/creds").contains("immutable").contains("not shown")
                .doesNotContain(VALUE);
        assertThat(fullTrace(e)).doesNotContain(VALUE);
    }

    @Test
    void otherKindsStillExplainTheMismatchWithTheValue() {
        var e = catchThrowableOfType(ManifestReadException.class, () -> ManifestReader.create().readObjects(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\nimmutable: notaboolean\n"));

        assertThat(e.getMessage()).contains("ConfigMap/settings").contains("immutable").contains("notaboolean");
    }
}
