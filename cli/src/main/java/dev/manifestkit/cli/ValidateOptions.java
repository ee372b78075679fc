package dev.manifestkit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.yaml.ReaderOptions;
import dev.manifestkit.validation.PortRange;
import dev.manifestkit.validation.Severity;

/**
 * What {@code manifestkit validate} was asked to do.
 *
 * @param kubernetesVersion  the version to validate against, as typed ({@code 1.35})
 * @param schemaLocation     a {@code _definitions.json} or a cluster's {@code /openapi/v2}
 *                           document to consult before the bundled definitions, or null
 * @param strict             unknown fields are errors
 * @param profile            best-practice profile, {@code dev} or {@code prod}
 * @param skipMissingSchemas kinds with no schema are skipped instead of being errors
 * @param nodePortRange      the cluster's node ports, which {@code api/node-port-range} checks
 * @param output             report format
 * @param readerOptions      the reader's limits, with {@code --max-document-bytes} and {@code --max-values} applied
 * @param disabled           rule ids or id prefixes turned off ({@code --disable})
 * @param severities         severity overrides by rule id or id prefix ({@code --severity})
 * @param inputs             files, directories and {@code -}, as typed
 */
record ValidateOptions(String kubernetesVersion, Path schemaLocation, boolean strict, String profile,
                       boolean skipMissingSchemas, PortRange nodePortRange, OutputFormat output,
                       ReaderOptions readerOptions, List<String> disabled, Map<String, Severity> severities,
                       List<String> inputs) {

    /** The version used when {@code --kubernetes-version} is not given. */
    static final String DEFAULT_VERSION = "1.35";

    ValidateOptions {
        disabled = List.copyOf(disabled);
        severities = Map.copyOf(severities);
        inputs = List.copyOf(inputs);
    }
}
