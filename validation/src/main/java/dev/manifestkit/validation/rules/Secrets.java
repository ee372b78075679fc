package dev.manifestkit.validation.rules;

import java.util.Base64;

import tools.jackson.databind.JsonNode;

/** Secret and ConfigMap payload helpers. Nothing here ever returns or prints a value's text. */
final class Secrets {

    /** What the API server prints in place of a Secret value. */
    static final String REDACTED = "\"<secret contents redacted>\"";

    private Secrets() {
    }

    /**
     * The decoded bytes of a base64 value (standard alphabet, padded, line breaks ignored as Go's
     * decoder does), or null if it is not valid base64.
     */
    static byte[] decode(JsonNode value) {
        if (value == null || !value.isString()) {
            return null;
        }
        var text = value.asString();
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = text.replace("\n", "").replace("\r", "");
        }
        if (text.length() % 4 != 0) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
