package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;

/**
 * apimachinery's {@code IsDomainPrefixedPath}, the syntax of fields that name who acts on an
 * object ({@code IngressClass spec.controller}, {@code Job spec.managedBy}): a DNS subdomain,
 * '/', then a non-empty HTTP path, such as {@code acme.io/foo}.
 */
final class DomainPrefixedPaths {

    private static final String HTTP_PATH_FORMAT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

    private DomainPrefixedPaths() {
    }

    /** Reports what is wrong with {@code value} at {@code path}, as the API server words it. */
    static void check(RuleContext context, String value, FieldPath path) {
        if (value.isEmpty()) {
            context.report(path, ErrorType.REQUIRED, "");
            return;
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value),
                    "must be a domain-prefixed path (such as \"acme.io/foo\")");
            return;
        }
        var host = value.substring(0, slash);
        for (var msg : Names.dns1123Subdomain(host)) {
            context.report(path, ErrorType.INVALID, Nodes.quote(host), msg);
        }
        if (!isHttpPath(value, slash + 1)) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value.substring(slash + 1)),
                    Names.regexError("Invalid path", HTTP_PATH_FORMAT));
        }
    }

    /** The characters of an HTTP path (RFC 3986) from {@code from} on: unreserved, percent, sub-delims, ':' and '/'. */
    private static boolean isHttpPath(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "/-._~%!$&'()*+,;=:".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
