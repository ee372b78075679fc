package dev.manifestkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a JMH result file ({@code -rf json -rff results.json}) into the Markdown table of README's
 * "Performance" section: score, error, objects per second and, with {@code -prof gc}, bytes
 * allocated per object; then the ratios issue 6 sets as targets.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.manifestkit.benchmarks.FiguresTable results.json
 * }</pre>
 */
public final class FiguresTable {

    private FiguresTable() {
    }

    /** {@code FiguresTable <results.json>}: prints the table to standard output. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: FiguresTable <jmh-results.json>");
            System.exit(2);
        }
        System.out.print(table(JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])))));
    }

    /** The Markdown table and target ratios of a JMH JSON result array. */
    static String table(JsonNode results) {
        var out = new StringBuilder();
        out.append("| benchmark | scale | score | error | unit | objects/s | B/object |\n");
        out.append("| --- | ---: | ---: | ---: | --- | ---: | ---: |\n");
        Map<String, Double> objectsPerSecond = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String name = result.get("benchmark").asString();
            name = name.substring(name.lastIndexOf('.') + 1);
            int scale = result.path("params").path("scale").asInt(1);
            JsonNode primary = result.get("primaryMetric");
            double score = primary.get("score").asDouble();
            double error = primary.get("scoreError").asDouble();
            String unit = primary.get("scoreUnit").asString();
            double objects = scale * (double) Workload.OBJECTS_PER_COPY;
            double perSecond = objects / (score * secondsPer(unit));
            objectsPerSecond.put(name + "@" + scale, perSecond);
            JsonNode secondary = result.path("secondaryMetrics");
            JsonNode alloc = secondary.has("gc.alloc.rate.norm") ? secondary.path("gc.alloc.rate.norm")
                    : secondary.path("·gc.alloc.rate.norm"); // the name JMH used before 1.37
            String bytes = alloc.isMissingNode() ? "" : format(alloc.get("score").asDouble() / objects);
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", name, scale,
                    format(score), Double.isNaN(error) ? "" : "± " + format(error), unit, format(perSecond), bytes));
        }
        out.append('\n');
        for (int scale : new int[] {1, 10, 100, 1000}) {
            ratio(out, "end to end vs baseline end to end, scale " + scale + " (target ≥ 1.5)",
                    objectsPerSecond.get("endToEnd@" + scale), objectsPerSecond.get("baselineEndToEnd@" + scale));
        }
        for (String name : new String[] {"endToEnd", "dslBuild", "yamlWrite", "yamlRead", "schemaValidation",
                "fullValidation", "baselineEndToEnd"}) {
            ratio(out, name + " objects/s, scale 1000 vs scale 10 (target ≥ 0.85)",
                    objectsPerSecond.get(name + "@1000"), objectsPerSecond.get(name + "@10"));
        }
        return out.toString();
    }

    private static void ratio(StringBuilder out, String what, Double numerator, Double denominator) {
        if (numerator != null && denominator != null) {
            out.append(String.format(Locale.ROOT, "- %s: %.2f%n", what, numerator / denominator));
        }
    }

    private static double secondsPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-9;
            case "us/op" -> 1e-6;
            case "ms/op" -> 1e-3;
            case "s/op" -> 1;
            default -> throw new IllegalArgumentException("unsupported unit " + unit + " (use -bm avgt)");
        };
    }

    private static String format(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
