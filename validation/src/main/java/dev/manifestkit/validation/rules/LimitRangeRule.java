package dev.manifestkit.validation.rules;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.core.syntax.ResourceNames;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * A LimitRange as {@code ValidateLimitRange} (core) checks it on create, after
 * {@code SetDefaults_LimitRangeItem} gave a Container item's missing default limits the max and
 * its missing default requests the default limit, else the min: each type once, Pod, Container,
 * PersistentVolumeClaim or domain-prefixed; resource names of containers for Pod and Container
 * items; no defaults for Pod items; a storage min or max for PersistentVolumeClaim items; and
 * min ≤ defaultRequest ≤ default ≤ max, a maxLimitRequestRatio of at least 1 and at most max/min,
 * and defaults equal to default requests for resources that cannot be overcommitted.
 */
final class LimitRangeRule extends BaseRule {

    private static final String[] STANDARD_TYPES = {"Container", "PersistentVolumeClaim", "Pod"};
    private static final FieldPath LIMITS = FieldPath.root("spec").child("limits");

    LimitRangeRule() {
        super("api/limit-range", Layer.API, Severity.ERROR,
                "Each LimitRange item has a type (Pod, Container, PersistentVolumeClaim or domain-prefixed), once; "
                        + "Pod and Container items name container resources, Pod items set no default or defaultRequest, "
                        + "PersistentVolumeClaim items a storage min or max; once a Container item's defaults are filled "
                        + "in (default from max, defaultRequest from default or min), min <= defaultRequest <= default "
                        + "<= max, maxLimitRequestRatio is at least 1 and at most max/min, and default equals "
                        + "defaultRequest for resources that cannot be overcommitted (hugepages, extended resources).");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "LimitRange");
        if (spec == null) {
            return;
        }
        var seen = new HashSet<String>();
        Nodes.forEachObject(spec, "limits", FieldPath.root("spec"), (item, path, i) -> {
            var type = Nodes.str(item, "type");
            if (type != null) {
                type(context, type, path.child("type"));
                if (!seen.add(type)) {
                    context.report(path.child("type"), ErrorType.DUPLICATE, Nodes.quote(type), "");
                }
            }
            item(context, item, type == null ? "" : type, path);
        });
    }

    /** validateLimitRangeTypeName. */
    private static void type(RuleContext context, String type, FieldPath path) {
        var msgs = Names.qualifiedName(type);
        for (var msg : msgs) {
            context.report(path, ErrorType.INVALID, Nodes.quote(type), msg);
        }
        if (msgs.isEmpty() && type.indexOf('/') < 0 && !Nodes.oneOf(type, STANDARD_TYPES)) {
            context.report(path, ErrorType.INVALID, Nodes.quote(type), "must be a standard limit type or fully qualified");
        }
    }

    private static void item(RuleContext context, ObjectNode item, String type, FieldPath path) {
        boolean containerNames = type.equals("Pod") || type.equals("Container");
        var min = amounts(context, item, "min", containerNames, path);
        var max = amounts(context, item, "max", containerNames, path);
        Map<String, Amount> defaults = new LinkedHashMap<>();
        Map<String, Amount> defaultRequests = new LinkedHashMap<>();
        if (type.equals("Pod")) {
            for (var field : new String[] {"default", "defaultRequest"}) {
                var map = Nodes.obj(item, field);
                if (map != null && !map.isEmpty()) {
                    context.report(path.child(field), ErrorType.FORBIDDEN, "may not be specified when `type` is 'Pod'");
                }
            }
        } else {
            defaults = amounts(context, item, "default", containerNames, path);
            defaultRequests = amounts(context, item, "defaultRequest", containerNames, path);
        }
        if (type.equals("Container")) { // SetDefaults_LimitRangeItem
            max.forEach(defaults::putIfAbsent);
            defaults.forEach(defaultRequests::putIfAbsent);
            min.forEach(defaultRequests::putIfAbsent);
        }
        if (type.equals("PersistentVolumeClaim") && !Nodes.has(Nodes.obj(item, "min"), "storage")
                && !Nodes.has(Nodes.obj(item, "max"), "storage")) {
            context.report(path.child("limits"), ErrorType.REQUIRED,
                    "either minimum or maximum storage value is required, but neither was provided");
        }
        var ratios = amounts(context, item, "maxLimitRequestRatio", containerNames, path);
        var keys = new LinkedHashSet<String>();
        keys.addAll(max.keySet());
        keys.addAll(min.keySet());
        keys.addAll(defaults.keySet());
        keys.addAll(defaultRequests.keySet());
        keys.addAll(ratios.keySet());
        for (var k : keys) {
            var lo = min.get(k);
            var hi = max.get(k);
            var def = defaults.get(k);
            var req = defaultRequests.get(k);
            var ratio = ratios.get(k);
            if (lo != null && hi != null && lo.value().compareTo(hi.value()) > 0) {
                context.report(path.child("min").key(k), ErrorType.INVALID, quoted(lo),
                        "min value " + text(lo) + " is greater than max value " + text(hi));
            }
            if (req != null && lo != null && lo.value().compareTo(req.value()) > 0) {
                context.report(path.child("defaultRequest").key(k), ErrorType.INVALID, quoted(req),
                        "min value " + text(lo) + " is greater than default request value " + text(req));
            }
            if (req != null && hi != null && req.value().compareTo(hi.value()) > 0) {
                context.report(path.child("defaultRequest").key(k), ErrorType.INVALID, quoted(req),
                        "default request value " + text(req) + " is greater than max value " + text(hi));
            }
            if (req != null && def != null && req.value().compareTo(def.value()) > 0) {
                context.report(path.child("defaultRequest").key(k), ErrorType.INVALID, quoted(req),
                        "default request value " + text(req) + " is greater than default limit value " + text(def));
            }
            if (def != null && lo != null && lo.value().compareTo(def.value()) > 0) {
                context.report(path.child("default").key(k), ErrorType.INVALID, quoted(lo),
                        "min value " + text(lo) + " is greater than default value " + text(def));
            }
            if (def != null && hi != null && def.value().compareTo(hi.value()) > 0) {
                context.report(path.child("default").key(k), ErrorType.INVALID, quoted(hi),
                        "default value " + text(def) + " is greater than max value " + text(hi));
            }
            if (ratio != null && ratio.value().compareTo(BigDecimal.ONE) < 0) {
                context.report(path.child("maxLimitRequestRatio").key(k), ErrorType.INVALID, quoted(ratio),
                        "ratio " + text(ratio) + " is less than 1");
            }
            var exceeded = ratio == null || lo == null || hi == null ? null
                    : exceededLimit(ratio.value(), lo.value(), hi.value());
            if (exceeded != null) {
                context.report(path.child("maxLimitRequestRatio").key(k), ErrorType.INVALID, quoted(ratio),
                        "ratio " + text(ratio) + " is greater than max/min = " + String.format(Locale.ROOT, "%f", exceeded));
            }
            if (!ResourceNames.allowsOvercommit(k) && def != null && req != null && def.value().compareTo(req.value()) != 0) {
                context.report(path.child("defaultRequest").key(k), ErrorType.INVALID, quoted(req),
                        "default value " + text(def) + " must equal to defaultRequest value " + text(req) + " in " + k);
            }
        }
    }

    /** A map's well-formed quantities by resource name, its names checked as validateLimitRangeResourceName does. */
    private static Map<String, Amount> amounts(RuleContext context, ObjectNode item, String field,
                                                   boolean containerNames, FieldPath path) {
        var result = new HashMap<String, Amount>();
        var map = Nodes.obj(item, field);
        if (map == null) {
            return result;
        }
        for (var entry : map.properties()) {
            var name = entry.getKey();
            var messages = containerNames ? ResourceNames.containerResourceName(name) : ResourceNames.resourceName(name);
            for (var msg : messages) {
                context.report(path.child(field).key(name), ErrorType.INVALID, Nodes.quote(name), msg);
            }
            BigDecimal amount = Quantities.of(entry.getValue());
            if (amount != null) {
                result.put(name, new Amount(amount, Quantities.text(entry.getValue())));
            }
        }
        return result;
    }

    private static String text(Amount amount) {
        return amount.text();
    }

    private static String quoted(Amount amount) {
        return Nodes.quote(amount.text());
    }

    /** A quantity's value and its spelling in messages (Quantity.String()). */
    private record Amount(BigDecimal value, String text) {
    }

    /** Go's resource.MaxMilliValue: above it, the ratio check compares whole units rather than milli-units. */
    private static final long MAX_MILLI_VALUE = Long.MAX_VALUE / 1000;

    /**
     * max/min when the ratio exceeds it, as ValidateLimitRange compares them in float64 (milli-units
     * while all three are below MaxMilliValue, else whole units, each rounded up as Quantity.Value()
     * and MilliValue() round); null when it does not, or when a value is beyond int64 (Go's
     * arithmetic then means nothing).
     */
    private static Double exceededLimit(BigDecimal ratio, BigDecimal min, BigDecimal max) {
        Long ratioValue = Quantities.scaledValue(ratio, 0);
        Long minValue = Quantities.scaledValue(min, 0);
        Long maxValue = Quantities.scaledValue(max, 0);
        if (ratioValue == null || minValue == null || maxValue == null) {
            return null;
        }
        double ratioAmount = ratioValue;
        long minAmount = minValue;
        long maxAmount = maxValue;
        if (ratioValue < MAX_MILLI_VALUE && minValue < MAX_MILLI_VALUE && maxValue < MAX_MILLI_VALUE) {
            ratioAmount = Quantities.scaledValue(ratio, 3) / 1000.0;
            minAmount = Quantities.scaledValue(min, 3);
            maxAmount = Quantities.scaledValue(max, 3);
        }
        double limit = (double) maxAmount / (double) minAmount;
        return ratioAmount > limit ? limit : null;
    }
}
