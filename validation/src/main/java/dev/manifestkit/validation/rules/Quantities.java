package dev.manifestkit.validation.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.syntax.Quantity;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading quantities from trees, and every place a claim spec sits. */
final class Quantities {

    private Quantities() {
    }

    /**
     * The value of a quantity written as a string or a number, as the API server holds it
     * ({@link #bounded}), or null if it is neither or malformed.
     */
    static BigDecimal of(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            // 1e999 read as a double is Infinity, which no quantity is
            return value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue()) && !value.isBigDecimal()
                    ? null : bounded(value.decimalValue());
        }
        if (!value.isString() || !Quantity.isValid(value.asString())) {
            return null;
        }
        return bounded(Quantity.parse(value.asString()).toBigDecimal());
    }

    private static final BigDecimal MAX_ALLOWED = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * An amount as {@code resource.ParseQuantity} keeps it: a non-zero magnitude rounded up to
     * nano-units and capped at 2^63-1 ({@code maxAllowed}). Besides being what the server checks,
     * the bounds keep every later sum and comparison cheap: {@code 1e99999999} plus {@code 100m}
     * would otherwise be a number of a hundred million digits.
     */
    static BigDecimal bounded(BigDecimal amount) {
        if (amount.signum() == 0) {
            return amount;
        }
        var magnitude = amount.abs();
        magnitude = magnitude.compareTo(MAX_ALLOWED) > 0 ? MAX_ALLOWED : roundUp(magnitude, 9);
        return amount.signum() < 0 ? magnitude.negate() : magnitude;
    }

    private static final BigInteger KI = BigInteger.valueOf(1024);
    private static final BigDecimal KI_DECIMAL = BigDecimal.valueOf(1024);
    private static final String[] BINARY_SUFFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final String[] DECIMAL_SUFFIXES = {"n", "u", "m", "", "k", "M", "G", "T", "P", "E"};

    /**
     * A quantity as Go's {@code Quantity.String()} spells it, or null if it is malformed: the
     * amount in the format its suffix chose (binary for {@code Ki}…{@code Ei}, an exponent for
     * {@code e3}, decimal otherwise), with the smallest whole mantissa. {@code 1024Ki} is
     * {@code 1Mi}, {@code 1000m} is {@code 1}, {@code 0.1} is {@code 100m}, {@code 1e3} stays
     * {@code 1e3}. The API server compares some quantities by this spelling (a downward API
     * divisor must be {@code 1m} or {@code 1}, not merely equal to one of them).
     */
    static String canonical(JsonNode value) {
        BigDecimal amount = of(value);
        return amount == null ? null : canonical(amount, format(value));
    }

    /**
     * A quantity as the API server quotes it as a bad value, {@code "<Quantity.String()>"}
     * ({@code 2048Mi} as {@code "2Gi"}, {@code -0.5} as {@code "-500m"}); a malformed one as written.
     */
    static String show(JsonNode value) {
        var canonical = canonical(value);
        return canonical == null ? Nodes.show(value) : Nodes.quote(canonical);
    }

    /** A quantity as the API server spells it inside a message ({@code Quantity.String()}); else as written. */
    static String text(JsonNode value) {
        var canonical = canonical(value);
        return canonical == null ? Nodes.text(value) : canonical;
    }

    /**
     * The format Go's {@code Quantity} keeps for a written amount, and prints it in: 'b' for a
     * binary suffix ({@code Ki}…{@code Ei}), 'e' for an exponent ({@code 1e3}), else 'd'.
     */
    static char format(JsonNode value) {
        if (value == null || !value.isString()) {
            return 'd';
        }
        var text = value.asString();
        int end = text.length();
        int pos = 0;
        while (pos < end && "+-.0123456789".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < end && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            return 'e';
        }
        return end - pos == 2 ? 'b' : 'd';
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    /**
     * The amount rounded up to {@code scale} decimal places ({@code RoundingMode.CEILING}), without
     * ever spelling out its digits: a quantity may carry a nine-digit exponent ({@code 1e-99999999},
     * {@code 1e99999999}), and {@code setScale} on it would build a number of that many digits.
     */
    static BigDecimal roundUp(BigDecimal amount, int scale) {
        if (amount.scale() <= scale) {
            return amount; // no finer digits than asked for (a huge amount has a negative scale)
        }
        if (amount.precision() - amount.scale() < -scale) {
            // its magnitude is below one unit of the last place kept: one unit up, or zero
            return amount.signum() > 0 ? BigDecimal.ONE.scaleByPowerOfTen(-scale) : BigDecimal.ZERO;
        }
        return amount.setScale(scale, RoundingMode.CEILING);
    }

    /**
     * Go's {@code Quantity.ScaledValue(-scale)}: the amount times 10^scale, rounded up, as an int64
     * ({@code Value()} is scale 0, {@code MilliValue()} scale 3); null beyond the int64 range,
     * where Go's result is not a meaningful number and no check should rest on it.
     */
    static Long scaledValue(BigDecimal amount, int scale) {
        var scaled = amount.scaleByPowerOfTen(scale);
        if (scaled.precision() - scaled.scale() > 19) {
            return null; // at least 10^19, beyond int64
        }
        var whole = roundUp(scaled, 0);
        return whole.compareTo(LONG_MAX) > 0 || whole.compareTo(LONG_MIN) < 0 ? null : whole.longValueExact();
    }

    /** The canonical spelling of an amount in a format: 'b' binary, 'e' exponent, 'd' decimal. */
    static String canonical(BigDecimal amount, char format) {
        amount = roundUp(amount, 9); // Kubernetes keeps nanos at most, rounding up
        if (amount.signum() == 0) {
            return "0";
        }
        if (format == 'b' && amount.abs().compareTo(KI_DECIMAL) >= 0 && amount.stripTrailingZeros().scale() <= 0) {
            BigInteger mantissa = amount.toBigIntegerExact();
            int exponent = 0;
            while (exponent < BINARY_SUFFIXES.length - 1 && mantissa.mod(KI).signum() == 0) {
                mantissa = mantissa.divide(KI);
                exponent++;
            }
            return mantissa + BINARY_SUFFIXES[exponent];
        }
        var stripped = amount.stripTrailingZeros();
        int exponent = -stripped.scale();
        int extra = Math.floorMod(exponent, 3);
        BigInteger mantissa = stripped.unscaledValue().multiply(BigInteger.TEN.pow(extra));
        exponent -= extra;
        if (exponent == 0) {
            return mantissa.toString();
        }
        if (format != 'e' && exponent >= -9 && exponent <= 18) {
            return mantissa + DECIMAL_SUFFIXES[exponent / 3 + 3];
        }
        return mantissa + "e" + exponent;
    }

    /** Visits one PersistentVolumeClaim spec. */
    @FunctionalInterface
    interface ClaimVisitor {
        void visit(ObjectNode claimSpec, FieldPath specPath);
    }

    /**
     * The claim specs of the document being checked: a PersistentVolumeClaim's {@code spec}, each
     * of a StatefulSet's {@code spec.volumeClaimTemplates[i].spec}, and each generic ephemeral
     * volume's {@code volumeClaimTemplate.spec} in a pod spec (the API server validates all three
     * as claims). Found once per document for the rules that check claims.
     */
    static void forEachClaimSpec(RuleContext context, ClaimVisitor visitor) {
        for (var claim : context.shared(ClaimSpec.class, Quantities::claimSpecs)) {
            visitor.visit(claim.spec(), claim.path());
        }
    }

    /** One claim spec of a document, and where it is. */
    private record ClaimSpec(ObjectNode spec, FieldPath path) {
    }

    private static List<ClaimSpec> claimSpecs(ManifestDocument document) {
        var tree = document.tree();
        var found = new ArrayList<ClaimSpec>(0);
        switch (Nodes.kind(tree)) {
            case "PersistentVolumeClaim" -> {
                var spec = Nodes.obj(tree, "spec");
                if (spec != null) {
                    found.add(new ClaimSpec(spec, FieldPath.root("spec")));
                }
            }
            case "StatefulSet" -> Nodes.forEachObject(Nodes.obj(tree, "spec"), "volumeClaimTemplates",
                    FieldPath.root("spec"), (template, path, i) -> {
                        var spec = Nodes.obj(template, "spec");
                        if (spec != null) {
                            found.add(new ClaimSpec(spec, path.child("spec")));
                        }
                    });
            default -> {
            }
        }
        var pod = PodSpecs.of(tree);
        if (pod != null) {
            Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
                var spec = Nodes.obj(volume, "ephemeral", "volumeClaimTemplate", "spec");
                if (spec != null) {
                    found.add(new ClaimSpec(spec, path.child("ephemeral", "volumeClaimTemplate", "spec")));
                }
            });
        }
        return found.isEmpty() ? List.of() : found;
    }

    /** Reports each malformed or negative quantity of a resource map ({@code requests}, {@code capacity}). */
    static void checkMap(RuleContext context, ObjectNode map, FieldPath path) {
        if (map == null) {
            return;
        }
        for (var entry : map.properties()) {
            check(context, entry.getValue(), path.key(entry.getKey()));
        }
    }

    /**
     * Reports each malformed quantity of a resource map, and no negative one: for the maps the
     * API server decodes but does not validate (a claim's limits and requests but storage).
     */
    static void checkMapWellFormed(RuleContext context, ObjectNode map, FieldPath path) {
        if (map == null) {
            return;
        }
        for (var entry : map.properties()) {
            var value = entry.getValue();
            var problem = value != null && value.isString() ? Quantity.problem(value.asString()) : null;
            if (problem != null) {
                context.report(path.key(entry.getKey()), ErrorType.INVALID, Nodes.show(value), problem);
            }
        }
    }

    /** Reports a malformed or negative quantity. */
    static void check(RuleContext context, JsonNode value, FieldPath path) {
        if (value == null || !(value.isString() || value.isNumber())) {
            return;
        }
        if (value.isString()) {
            var problem = Quantity.problem(value.asString());
            if (problem != null) {
                context.report(path, ErrorType.INVALID, Nodes.show(value), problem);
                return;
            }
        }
        var parsed = of(value);
        if (parsed != null && parsed.signum() < 0) {
            context.report(path, ErrorType.INVALID, show(value), "must be greater than or equal to 0");
        }
    }
}
