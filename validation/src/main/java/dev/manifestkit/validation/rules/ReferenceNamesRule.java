package dev.manifestkit.validation.rules;

import java.util.List;
import java.util.function.Function;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;

/**
 * Fields that name another object, or the pod's own host, hold a name that object could have:
 * the API server checks their syntax even where it does not look the object up.
 */
final class ReferenceNamesRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");
    /** Checked as DNS subdomains; schedulerName is not checked by the API server at all. */
    private static final String[] POD_SUBDOMAIN_NAMES = {"serviceAccountName", "priorityClassName", "runtimeClassName",
        "nodeName"};

    ReferenceNamesRule() {
        super("api/reference-names", Layer.API, Severity.ERROR,
                "Names of other objects are valid names: serviceAccountName, priorityClassName, "
                        + "runtimeClassName, nodeName, storageClassName, volumeAttributesClassName (a PersistentVolume's not empty, and only with csi), "
                        + "ingressClassName and TLS secretName are DNS "
                        + "subdomains, and so are hostAliases hostnames; a pod's hostname and subdomain are DNS labels, "
                        + "and from 1.33 so is a StatefulSet's serviceName (its pods' subdomain); "
                        + "from 1.35 its hostnameOverride is a DNS subdomain of at most 64 characters, not set "
                        + "with hostNetwork or setHostnameAsFQDN.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        var spec = Nodes.obj(tree, "spec");
        switch (Nodes.kind(tree)) {
            case "PersistentVolume" -> {
                name(context, spec, "storageClassName", SPEC, Names::dns1123Subdomain);
                name(context, spec, "volumeAttributesClassName", SPEC, Names::dns1123Subdomain);
                // the attributes of a class are a CSI driver's to apply
                var attributesClass = Nodes.str(spec, "volumeAttributesClassName");
                // unlike a claim's, a PersistentVolume's is checked whenever given, "" included
                if ("".equals(attributesClass)) {
                    context.report(SPEC.child("volumeAttributesClassName"), ErrorType.REQUIRED,
                            "an empty string is disallowed");
                }
                if (attributesClass != null && !Nodes.has(spec, "csi")) {
                    context.report(SPEC.child("csi"), ErrorType.REQUIRED,
                            "has to be specified when using volumeAttributesClassName");
                }
            }
            case "StatefulSet" -> {
                // ValidateStatefulSet (1.33+): the serviceName becomes each pod's spec.subdomain
                if (context.version().atLeast(1, 33)) {
                    name(context, spec, "serviceName", SPEC, Names::dns1123Label);
                }
            }
            case "Ingress" -> {
                name(context, spec, "ingressClassName", SPEC, Names::dns1123Subdomain);
                // a pointer too: given, even "" is checked (ValidateIngressSpec: IngressClassName != nil)
                if ("".equals(Nodes.str(spec, "ingressClassName"))) {
                    context.report(SPEC.child("ingressClassName"), ErrorType.INVALID, "\"\"",
                            Names.dns1123Subdomain("").get(0));
                }
                Nodes.forEachObject(spec, "tls", SPEC, (tls, path, i) ->
                        name(context, tls, "secretName", path, Names::dns1123Subdomain));
            }
            default -> {
            }
        }
        Quantities.forEachClaimSpec(context, (claim, path) -> {
            name(context, claim, "storageClassName", path, Names::dns1123Subdomain);
            name(context, claim, "volumeAttributesClassName", path, Names::dns1123Subdomain);
        });
        var pod = PodSpecs.of(context);
        if (pod != null) {
            for (var field : POD_SUBDOMAIN_NAMES) {
                name(context, pod.spec(), field, pod.path(), Names::dns1123Subdomain);
            }
            // unlike the string fields above, runtimeClassName is a pointer: given, even "" is checked
            if ("".equals(Nodes.str(pod.spec(), "runtimeClassName"))) {
                context.report(pod.path().child("runtimeClassName"), ErrorType.INVALID, "\"\"",
                        Names.dns1123Subdomain("").get(0));
            }
            name(context, pod.spec(), "hostname", pod.path(), Names::dns1123Label);
            name(context, pod.spec(), "subdomain", pod.path(), Names::dns1123Label);
            hostnameOverride(context, pod);
            Nodes.forEachObject(pod.spec(), "hostAliases", pod.path(), (alias, aliasPath, i) -> {
                var hostnames = Nodes.arr(alias, "hostnames");
                for (int j = 0; hostnames != null && j < hostnames.size(); j++) {
                    var hostname = hostnames.get(j);
                    if (hostname.isString()) {
                        for (var msg : Names.dns1123Subdomain(hostname.asString())) {
                            context.report(aliasPath.child("hostnames").index(j), ErrorType.INVALID,
                                    Nodes.quote(hostname.asString()), msg);
                        }
                    }
                }
            });
        }
    }

    /**
     * {@code validatePodHostName}: a hostnameOverride (HostnameOverride, on by default from 1.35;
     * before, the API server drops it) is a pointer, so even "" is checked; it names the pod's host
     * only where the pod neither shares the node's network nor takes its FQDN as hostname.
     */
    private static void hostnameOverride(RuleContext context, PodSpecs.PodSpec pod) {
        var value = Nodes.str(pod.spec(), "hostnameOverride");
        if (value == null || !context.version().atLeast(1, 35)) {
            return;
        }
        var path = pod.path().child("hostnameOverride");
        if (Nodes.isTrue(pod.spec(), "setHostnameAsFQDN")) {
            context.report(path, ErrorType.FORBIDDEN, "may not be specified when setHostnameAsFQDN is true");
        }
        if (Nodes.isTrue(pod.spec(), "hostNetwork")) {
            context.report(path, ErrorType.FORBIDDEN, "may not be specified when hostNetwork is true");
        }
        if (value.length() > 64) {
            context.report(path, ErrorType.TOO_LONG, "must have at most 64 bytes");
        }
        for (var msg : Names.dns1123Subdomain(value)) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value), msg);
        }
    }

    /** Checks a non-empty string field; empty means unset to the API server. */
    private static void name(RuleContext context, JsonNode holder, String field, FieldPath holderPath,
                             Function<String, List<String>> syntax) {
        var value = Nodes.str(holder, field);
        if (value != null && !value.isEmpty()) {
            for (var msg : syntax.apply(value)) {
                context.report(holderPath.child(field), ErrorType.INVALID, Nodes.quote(value), msg);
            }
        }
    }
}
