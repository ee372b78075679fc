package dev.manifestkit.validation.rules;

import java.util.List;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.UrlSchemes;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A webhook's client configuration as {@code k8s.io/apiserver/pkg/util/webhook} checks it
 * ({@code ValidateWebhookURL}, {@code ValidateWebhookService}), shared by admission webhooks and
 * conversion webhooks; and the review versions both kinds of webhook must speak.
 */
final class WebhookClientConfigs {

    private static final String FORM = "; desired format: https://host[/path]";
    /** The review versions the API server understands (v1 and v1beta1). */
    static final List<String> REVIEW_VERSIONS = List.of("v1", "v1beta1");

    private WebhookClientConfigs() {
    }

    /**
     * Checks a clientConfig: exactly one of url and service, then that one.
     *
     * @param at the path the server reports the missing choice at ({@code clientConfig})
     */
    static void check(RuleContext context, ObjectNode clientConfig, FieldPath at) {
        var url = Nodes.get(clientConfig, "url");
        var service = Nodes.get(clientConfig, "service");
        boolean hasUrl = url != null && !url.isNull();
        boolean hasService = service != null && !service.isNull();
        if (hasUrl == hasService) {
            context.report(at, ErrorType.REQUIRED, "exactly one of url or service is required");
        } else if (hasUrl) {
            if (url.isString()) {
                url(context, url.asString(), at.child("url"));
            }
        } else if (service.isObject()) {
            service(context, (ObjectNode) service, at.child("service"));
        }
    }

    /** {@code ValidateWebhookURL} with forceHttps, on the parts Go's {@code url.Parse} gives the URL. */
    static void url(RuleContext context, String raw, FieldPath path) {
        var parsed = GoUrl.parse(raw);
        if (parsed.error() != null) {
            context.report(path, ErrorType.REQUIRED, "url must be a valid URL: " + parsed.error() + FORM);
            return;
        }
        if (!parsed.scheme().equals("https")) {
            context.report(path, ErrorType.INVALID, Nodes.quote(parsed.scheme()),
                    "'https' is the only allowed URL scheme" + FORM);
        }
        if (parsed.host().isEmpty()) {
            context.report(path, ErrorType.INVALID, Nodes.quote(parsed.host()), "host must be specified" + FORM);
        }
        if (parsed.user() != null) {
            // the server prints the user information; a password in it is not repeated here
            var user = parsed.user();
            int colon = user.indexOf(':');
            context.report(path, ErrorType.INVALID, Nodes.quote(colon < 0 ? user : user.substring(0, colon) + ":***"),
                    "user information is not permitted in the URL");
        }
        if (!parsed.fragment().isEmpty()) {
            context.report(path, ErrorType.INVALID, Nodes.quote(parsed.fragment()),
                    "fragments are not permitted in the URL");
        }
        if (!parsed.query().isEmpty()) {
            context.report(path, ErrorType.INVALID, Nodes.quote(parsed.query()),
                    "query parameters are not permitted in the URL");
        }
    }

    /**
     * {@code ValidateWebhookService}: a name and namespace (absent ones are the schema's finding),
     * a port in 1–65535 (443 when absent, the v1 default), a path of DNS-subdomain segments.
     */
    static void service(RuleContext context, ObjectNode service, FieldPath path) {
        for (var field : new String[] {"name", "namespace"}) {
            var value = Nodes.get(service, field);
            if (value != null && value.isString() && value.asString().isEmpty()) {
                // the server's callers pass name and namespace swapped, so it names the other field; not copied
                context.report(path.child(field), ErrorType.REQUIRED, "service " + field + " is required");
            }
        }
        var port = Nodes.get(service, "port");
        if (port != null && port.isIntegralNumber()
                && (!port.canConvertToLong() || port.longValue() < 1 || port.longValue() > 65535)) {
            context.report(path.child("port"), ErrorType.INVALID, Nodes.text(port),
                    "port is not valid: must be between 1 and 65535, inclusive");
        }
        var urlPath = Nodes.str(service, "path");
        if (urlPath == null || urlPath.isEmpty() || urlPath.equals("/")) {
            return;
        }
        var at = path.child("path");
        if (urlPath.equals("//")) {
            context.report(at, ErrorType.INVALID, Nodes.quote(urlPath), "segment[0] may not be empty");
            return;
        }
        if (!urlPath.startsWith("/")) {
            context.report(at, ErrorType.INVALID, Nodes.quote(urlPath), "must start with a '/'");
        }
        var toCheck = urlPath.substring(1);
        if (toCheck.endsWith("/")) {
            toCheck = toCheck.substring(0, toCheck.length() - 1);
        }
        var steps = toCheck.split("/", -1);
        for (int i = 0; i < steps.length; i++) {
            if (steps[i].isEmpty()) {
                context.report(at, ErrorType.INVALID, Nodes.quote(urlPath), "segment[" + i + "] may not be empty");
                continue;
            }
            for (var failure : Names.dns1123Subdomain(steps[i])) {
                context.report(at, ErrorType.INVALID, Nodes.quote(urlPath), "segment[" + i + "]: " + failure);
            }
        }
    }

    /**
     * {@code validateAdmissionReviewVersions} / {@code validateConversionReviewVersions} on a
     * create: no duplicates, DNS-1035 labels, at least one version the server speaks.
     *
     * @param required the detail of the Required error for an empty list
     */
    static void reviewVersions(RuleContext context, JsonNode versions, FieldPath path, String required) {
        if (versions == null || !versions.isArray()) {
            return; // absent: the schema's finding
        }
        if (versions.isEmpty()) {
            context.report(path, ErrorType.REQUIRED, required);
            return;
        }
        var seen = new java.util.HashSet<String>();
        boolean accepted = false;
        for (int i = 0; i < versions.size(); i++) {
            if (!versions.get(i).isString()) {
                return;
            }
            var v = versions.get(i).asString();
            if (!seen.add(v)) {
                context.report(path.index(i), ErrorType.INVALID, Nodes.quote(v), "duplicate version");
                continue;
            }
            for (var msg : Names.dns1035Label(v)) {
                context.report(path.index(i), ErrorType.INVALID, Nodes.quote(v), msg);
            }
            accepted |= REVIEW_VERSIONS.contains(v);
        }
        if (!accepted) {
            context.report(path, ErrorType.INVALID, Nodes.show(versions),
                    "must include at least one of " + String.join(", ", REVIEW_VERSIONS));
        }
    }

    /**
     * The parts of a URL as Go's {@code net/url.Parse} splits it, or the reason it refuses it
     * (only the refusals that matter here: control characters, a scheme-less leading colon, an
     * invalid port, characters a host may not hold; others leave {@code error} null).
     *
     * @param user the user information, or null if the URL has no '@' in its authority
     */
    record GoUrl(String scheme, String user, String host, String query, String fragment, String error) {

        static GoUrl parse(String raw) {
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    return failed("net/url: invalid control character in URL");
                }
            }
            String fragment = "";
            int hash = raw.indexOf('#');
            var rest = raw;
            if (hash >= 0) {
                fragment = raw.substring(hash + 1);
                rest = raw.substring(0, hash);
            }
            var split = UrlSchemes.split(rest);
            if (split == null) {
                return failed("missing protocol scheme");
            }
            String scheme = split.scheme().toLowerCase(java.util.Locale.ROOT);
            rest = split.rest();
            String query = "";
            if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
                rest = rest.substring(0, rest.length() - 1);
            } else {
                int q = rest.indexOf('?');
                if (q >= 0) {
                    query = rest.substring(q + 1);
                    rest = rest.substring(0, q);
                }
            }
            if (!rest.startsWith("/")) {
                // opaque (with a scheme) or a relative path: no authority, so no host
                if (scheme.isEmpty()) {
                    int colon = rest.indexOf(':');
                    int slash = rest.indexOf('/');
                    if (colon >= 0 && (slash < 0 || colon < slash)) {
                        return failed("first path segment in URL cannot contain colon");
                    }
                }
                return new GoUrl(scheme, null, "", query, fragment, null);
            }
            String user = null;
            String host = "";
            if (rest.startsWith("//")) {
                var authority = rest.substring(2);
                int slash = authority.indexOf('/');
                if (slash >= 0) {
                    authority = authority.substring(0, slash);
                }
                int at = authority.lastIndexOf('@');
                if (at >= 0) {
                    user = authority.substring(0, at);
                    authority = authority.substring(at + 1);
                }
                host = authority;
                if (!host.startsWith("[")) {
                    int colon = host.lastIndexOf(':');
                    if (colon >= 0) {
                        for (int i = colon + 1; i < host.length(); i++) {
                            if (host.charAt(i) < '0' || host.charAt(i) > '9') {
                                return failed("invalid port \"" + host.substring(colon) + "\" after host");
                            }
                        }
                    }
                    for (int i = 0; i < host.length(); i++) {
                        char c = host.charAt(i);
                        // shouldEscape(c, encodeHost): '<', '>' and '"' are allowed in a host, these are not
                        if (c == ' ' || c == '{' || c == '}' || c == '|' || c == '\\' || c == '^' || c == '`') {
                            return failed("invalid character \"" + c + "\" in host name");
                        }
                    }
                }
            }
            return new GoUrl(scheme, user, host, query, fragment, null);
        }

        private static GoUrl failed(String error) {
            return new GoUrl("", null, "", "", "", error);
        }
    }
}
