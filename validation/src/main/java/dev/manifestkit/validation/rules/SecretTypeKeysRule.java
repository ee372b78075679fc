package dev.manifestkit.validation.rules;

import java.nio.charset.StandardCharsets;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The keys each built-in Secret type requires: {@code .dockerconfigjson} (valid JSON) for
 * docker-registry Secrets, {@code tls.crt} and {@code tls.key} for TLS, a username or password
 * for basic-auth, {@code ssh-privatekey} for ssh-auth, the service-account annotation for
 * tokens. Keys from {@code stringData} count; contents are never printed.
 */
final class SecretTypeKeysRule extends BaseRule {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FieldPath DATA = FieldPath.root("data");

    SecretTypeKeysRule() {
        super("api/secret-type-keys", Layer.API, Severity.ERROR,
                "Typed Secrets carry their keys: .dockerconfigjson (valid JSON) or .dockercfg, tls.crt and tls.key, "
                        + "username or password for basic-auth, ssh-privatekey, and the kubernetes.io/"
                        + "service-account.name annotation for service-account-token.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("Secret")) {
            return;
        }
        var type = Nodes.str(tree, "type");
        if (type == null) {
            return;
        }
        var data = Nodes.obj(tree, "data");
        var stringData = Nodes.obj(tree, "stringData");
        switch (type) {
            case "kubernetes.io/dockerconfigjson" -> json(context, data, stringData, ".dockerconfigjson");
            case "kubernetes.io/dockercfg" -> json(context, data, stringData, ".dockercfg");
            case "kubernetes.io/tls" -> {
                required(context, data, stringData, "tls.crt");
                required(context, data, stringData, "tls.key");
            }
            case "kubernetes.io/ssh-auth" -> {
                // unlike the other keys, an empty private key counts as none
                if (required(context, data, stringData, "ssh-privatekey") && isEmpty(data, stringData, "ssh-privatekey")) {
                    context.report(DATA.key("ssh-privatekey"), ErrorType.REQUIRED, "");
                }
            }
            case "kubernetes.io/basic-auth" -> {
                if (!has(data, stringData, "username") && !has(data, stringData, "password")) {
                    context.report(DATA.key("username"), ErrorType.REQUIRED, "");
                    context.report(DATA.key("password"), ErrorType.REQUIRED, "");
                }
            }
            case "kubernetes.io/service-account-token" -> {
                var account = Nodes.str(Nodes.obj(tree, "metadata", "annotations"), "kubernetes.io/service-account.name");
                if (account == null || account.isEmpty()) {
                    context.report(FieldPath.root("metadata").child("annotations")
                            .key("kubernetes.io/service-account.name"), ErrorType.REQUIRED, "");
                }
            }
            default -> {
            }
        }
    }

    private static boolean has(ObjectNode data, ObjectNode stringData, String key) {
        return (data != null && data.has(key)) || (stringData != null && stringData.has(key));
    }

    /** Whether the key's value, stringData's over data's, is empty. */
    private static boolean isEmpty(ObjectNode data, ObjectNode stringData, String key) {
        var plain = Nodes.get(stringData, key);
        var value = plain != null ? plain : Nodes.get(data, key);
        return value == null || value.isNull() || value.isString() && value.asString().isEmpty();
    }

    private static boolean required(RuleContext context, ObjectNode data, ObjectNode stringData, String key) {
        if (has(data, stringData, key)) {
            return true;
        }
        context.report(DATA.key(key), ErrorType.REQUIRED, "");
        return false;
    }

    private static void json(RuleContext context, ObjectNode data, ObjectNode stringData, String key) {
        if (!required(context, data, stringData, key)) {
            return;
        }
        String text;
        FieldPath path;
        JsonNode plain = Nodes.get(stringData, key);
        if (plain != null && plain.isString()) {
            text = plain.asString();
            path = FieldPath.root("stringData").key(key);
        } else {
            var bytes = Secrets.decode(Nodes.get(data, key));
            if (bytes == null) {
                return; // api/base64-data reports it
            }
            text = new String(bytes, StandardCharsets.UTF_8);
            path = DATA.key(key);
        }
        if (!isJsonObject(text)) {
            context.report(path, ErrorType.INVALID, Secrets.REDACTED, "must be a valid JSON document");
        }
    }

    private static boolean isJsonObject(String text) {
        try {
            // the API server unmarshals it into a map: an object, or null
            var parsed = JSON.readTree(text);
            return parsed instanceof ObjectNode || parsed != null && parsed.isNull();
        } catch (JacksonException e) {
            return false; // the parser's message may quote the content: never shown
        }
    }
}
