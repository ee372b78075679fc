package dev.manifestkit.validation.rules;

import java.util.Base64;
import java.util.Objects;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * An APIService (the aggregation layer's registration, as metrics-server ships one) as
 * kube-aggregator's {@code ValidateAPIService} checks it on create: named
 * {@code <version>.<group>}, a DNS-subdomain group (empty only for v1), a DNS-1035 version,
 * priorities in range, and a service reference with a namespace, a name and a valid port (443 when
 * absent, as the server defaults it); a local APIService (no service) has no caBundle and does not
 * skip TLS verification.
 */
final class ApiServiceRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");

    ApiServiceRule() {
        super("api/api-service", Layer.API, Severity.ERROR,
                "An APIService is named spec.version + '.' + spec.group; its group is a DNS subdomain (empty only "
                        + "for version v1) and its version a DNS-1035 label; groupPriorityMinimum is from 1 to 20000 "
                        + "and versionPriority from 1 to 1000; a service reference has a namespace, a name and a port "
                        + "from 1 to 65535, and caBundle and insecureSkipTLSVerify are not both set; a local "
                        + "APIService (without a service) has neither.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var apiVersion = Nodes.str(tree, "apiVersion");
        if (!Nodes.kind(tree).equals("APIService") || apiVersion == null
                || !apiVersion.startsWith("apiregistration.k8s.io/")) {
            return;
        }
        var spec = Nodes.obj(tree, "spec");
        if (spec == null) {
            return;
        }
        var group = Objects.requireNonNullElse(Nodes.str(spec, "group"), "");
        var version = Objects.requireNonNullElse(Nodes.str(spec, "version"), "");
        var name = Nodes.name(tree);
        var required = version + "." + group;
        if (name != null && PathSegments.check(name).isEmpty() && !name.equals(required)) {
            context.report(FieldPath.root("metadata").child("name"), ErrorType.INVALID, Nodes.quote(name),
                    "must be `spec.version+\".\"+spec.group`: " + Nodes.quote(required));
        }
        if (group.isEmpty() && !version.equals("v1")) {
            context.report(SPEC.child("group"), ErrorType.REQUIRED,
                    "only v1 may have an empty group and it better be legacy kube");
        }
        if (!group.isEmpty()) {
            for (var msg : Names.dns1123Subdomain(group)) {
                context.report(SPEC.child("group"), ErrorType.INVALID, Nodes.quote(group), msg);
            }
        }
        for (var msg : Names.dns1035Label(version)) {
            context.report(SPEC.child("version"), ErrorType.INVALID, Nodes.quote(version), msg);
        }
        range(context, spec, "groupPriorityMinimum", 20_000);
        range(context, spec, "versionPriority", 1_000);
        boolean caBundle = !Objects.requireNonNullElse(Nodes.str(spec, "caBundle"), "").isEmpty();
        boolean insecure = Nodes.isTrue(spec, "insecureSkipTLSVerify");
        var service = Nodes.obj(spec, "service");
        if (service == null) {
            if (caBundle) {
                context.report(SPEC.child("caBundle"), ErrorType.INVALID, Nodes.quote(bytes(Nodes.str(spec, "caBundle"))),
                        "local APIServices may not have a caBundle");
            }
            if (insecure) {
                context.report(SPEC.child("insecureSkipTLSVerify"), ErrorType.INVALID, "true",
                        "local APIServices may not have insecureSkipTLSVerify");
            }
            return;
        }
        var servicePath = SPEC.child("service");
        for (var field : new String[] {"namespace", "name"}) {
            if (Objects.requireNonNullElse(Nodes.str(service, field), "").isEmpty()) {
                context.report(servicePath.child(field), ErrorType.REQUIRED, "");
            }
        }
        var port = Nodes.get(service, "port"); // absent: 443
        if (port != null && port.isIntegralNumber()
                && (!port.canConvertToLong() || port.longValue() < 1 || port.longValue() > 65_535)) {
            context.report(servicePath.child("port"), ErrorType.INVALID, Nodes.text(port),
                    "port is not valid: must be between 1 and 65535, inclusive");
        }
        if (insecure && caBundle) {
            context.report(SPEC.child("insecureSkipTLSVerify"), ErrorType.INVALID, "true",
                    "may not be true if caBundle is present");
        }
    }

    /** groupPriorityMinimum and versionPriority: positive and at most {@code max} (absence is the schema's finding). */
    private static void range(RuleContext context, ObjectNode spec, String field, int max) {
        var value = Nodes.get(spec, field);
        if (value != null && value.isIntegralNumber()
                && (!value.canConvertToLong() || value.longValue() <= 0 || value.longValue() > max)) {
            context.report(SPEC.child(field), ErrorType.INVALID, Nodes.text(value),
                    "must be positive and less than " + max);
        }
    }

    /** How the server shows a caBundle: its decoded length ("1234 bytes"), never its content. */
    private static String bytes(String base64) {
        int length;
        try {
            length = Base64.getMimeDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            length = base64.length(); // not base64: the schema layer says so
        }
        return length + " bytes";
    }
}
