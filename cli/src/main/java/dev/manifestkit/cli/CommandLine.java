package dev.manifestkit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.yaml.ReaderOptions;
import dev.manifestkit.validation.PortRange;
import dev.manifestkit.validation.Severity;

/**
 * Parses the arguments by hand: two commands with a handful of options do not need a library,
 * and every class loaded costs start-up time.
 *
 * <p>Options may come before or after the inputs, as {@code --name value} or
 * {@code --name=value}; {@code -o} also as {@code -o=json} or {@code -ojson}, as kubectl takes it;
 * {@code --} ends the options. An unknown option spelled as kubeconform spells its own
 * ({@code -output}, {@code -ignore-missing-schemas}) gets a hint naming ours.
 */
final class CommandLine {

    static final String USAGE = """
            Usage: manifestkit <command> [options] FILE|DIR|- ...

            Commands:
              validate   check manifests against the Kubernetes schema and the API server's rules
              fmt        rewrite manifests in manifestkit's canonical YAML

            Options:
              -h, --help     show help (also: manifestkit <command> --help)
              --version      show the version
              --debug        show stack traces of unexpected failures

            Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.
            """;

    static final String VALIDATE_USAGE = """
            Usage: manifestkit validate [options] FILE|DIR|- ...

            Validates Kubernetes manifests: multi-document YAML and JSON files, directories
            (searched recursively for *.yaml, *.yml and *.json, skipping kustomization.yaml)
            and stdin (-).

            Options:
              --kubernetes-version V   Kubernetes version to validate against (default 1.35)
              --schema-location PATH   definitions to consult before the bundled ones (for a
                                       version not bundled, instead of them): a cluster's
                                       /openapi/v2 document, a _definitions.json or a
                                       directory holding one
              --strict                 unknown fields are errors (default)
              --no-strict              unknown fields are allowed
              --profile dev|prod       best-practice profile (default dev)
              --skip-missing-schemas   skip kinds that have no schema instead of failing
              --node-port-range RANGE  the cluster's --service-node-port-range, which node
                                       ports must lie in (default 30000-32767)
              --disable IDS            turn rules off: ids or prefixes, comma-separated
                                       (lint/host-path,ref/service-selects-pods or lint);
                                       repeatable; one object: the annotation
                                       manifestkit.dev/ignore: "IDS"
              --severity ID=LEVEL      report a rule (or prefix) as error, warning or info;
                                       repeatable (lint=error fails CI on advice)
              -o, --output FORMAT      text (default), json or junit
              --max-document-bytes N   largest document read, in characters (default 8388608);
                                       a kubectl get -o yaml dump of a large cluster is one
                                       list document and may need more
              --max-values N           most values in one document (default 500000)
              --debug                  show stack traces of unexpected failures

            Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.
            """;

    static final String FMT_USAGE = """
            Usage: manifestkit fmt [--write] [--max-document-bytes N] [--max-values N] FILE|DIR|- ...

            Rewrites manifests in canonical form: apiVersion, kind, metadata first, keys sorted,
            nulls and empty objects dropped, strings quoted where a YAML 1.1 reader would
            misread them. Comments are not kept.

            Options:
              -w, --write              rewrite the files in place (atomically, keeping their
                                       permissions) instead of printing to stdout
              --max-document-bytes N   largest document read, in characters (default 8388608)
              --max-values N           most values in one document (default 500000)
              --debug                  show stack traces of unexpected failures

            Exit codes: 0 success, 1 an input is not valid YAML, 2 usage or I/O error.
            """;

    private CommandLine() {
    }

    /** Parses a whole command line. {@code --debug} is accepted anywhere before {@code --}. */
    static Invocation parse(List<String> arguments) throws UsageException {
        var args = new ArrayList<String>(arguments.size());
        var debug = false;
        var optionsEnded = false;
        for (var arg : arguments) {
            optionsEnded |= arg.equals("--");
            if (!optionsEnded && arg.equals("--debug")) {
                debug = true;
            } else {
                args.add(arg);
            }
        }
        if (args.isEmpty()) {
            throw new UsageException(null, "no command given: use validate or fmt");
        }
        var first = args.get(0);
        var rest = args.subList(1, args.size());
        return switch (first) {
            case "-h", "--help", "help" -> new Invocation.Help(rest.isEmpty() ? USAGE : commandUsage(rest.get(0)), debug);
            case "--version", "version" -> new Invocation.Version(debug);
            case "validate" -> wantsHelp(rest)
                    ? new Invocation.Help(VALIDATE_USAGE, debug)
                    : new Invocation.Validate(validate(rest), debug);
            case "fmt" -> wantsHelp(rest)
                    ? new Invocation.Help(FMT_USAGE, debug)
                    : new Invocation.Fmt(fmt(rest), debug);
            default -> throw new UsageException(null, first.startsWith("-")
                    ? "unknown option '" + first + "' before the command"
                    : "unknown command '" + first + "': use validate or fmt");
        };
    }

    private static boolean wantsHelp(List<String> args) {
        for (var arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("-h") || arg.equals("--help")) {
                return true;
            }
        }
        return false;
    }

    private static String commandUsage(String command) throws UsageException {
        return switch (command) {
            case "validate" -> VALIDATE_USAGE;
            case "fmt" -> FMT_USAGE;
            default -> throw new UsageException(null, "unknown command '" + command + "': use validate or fmt");
        };
    }

    private static ValidateOptions validate(List<String> args) throws UsageException {
        var version = ValidateOptions.DEFAULT_VERSION;
        Path schemaLocation = null;
        var strict = true;
        var profile = "dev";
        var skipMissing = false;
        var nodePortRange = PortRange.DEFAULT_NODE_PORTS;
        var output = OutputFormat.TEXT;
        var readerOptions = ReaderOptions.defaults();
        var disabled = new ArrayList<String>();
        var severities = new java.util.LinkedHashMap<String, Severity>();
        var inputs = new ArrayList<String>();
        var cursor = new Cursor("validate", args);
        while (cursor.hasNext()) {
            var arg = cursor.next();
            if (cursor.isInput(arg)) {
                inputs.add(arg);
                continue;
            }
            switch (cursor.name(arg)) {
                case "--kubernetes-version" -> version = cursor.value(arg);
                case "--schema-location" -> schemaLocation = schemaLocation(cursor.value(arg));
                case "--strict" -> strict = cursor.flag(arg, true);
                case "--no-strict" -> strict = cursor.flag(arg, false);
                case "--profile" -> profile = profile(cursor.value(arg));
                case "--skip-missing-schemas" -> skipMissing = cursor.flag(arg, true);
                case "--node-port-range" -> nodePortRange = nodePortRange(cursor.value(arg));
                case "-o", "--output" -> output = OutputFormat.parse(cursor.value(arg));
                case "--max-document-bytes" ->
                        readerOptions = readerOptions.withMaxDocumentBytes(limit("validate", arg, cursor.value(arg)));
                case "--max-values" -> readerOptions = readerOptions.withMaxValues(limit("validate", arg, cursor.value(arg)));
                case "--disable" -> disabled.addAll(ruleIds(arg, cursor.value(arg)));
                case "--severity" -> severity(cursor.value(arg), severities);
                default -> throw cursor.unknown(arg);
            }
        }
        requireInputs("validate", inputs);
        return new ValidateOptions(version, schemaLocation, strict, profile, skipMissing, nodePortRange, output,
                readerOptions, disabled, severities, inputs);
    }

    /** A comma-separated list of rule ids or prefixes, as --disable takes it. */
    private static List<String> ruleIds(String option, String value) throws UsageException {
        var ids = new ArrayList<String>();
        for (var id : value.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        if (ids.isEmpty()) {
            throw new UsageException("validate", option + ": name a rule id or prefix (lint/host-path, lint)");
        }
        return ids;
    }

    /** One ID=LEVEL of --severity. */
    private static void severity(String value, Map<String, Severity> severities) throws UsageException {
        int eq = value.lastIndexOf('=');
        var id = eq < 0 ? "" : value.substring(0, eq).strip();
        var level = eq < 0 ? "" : value.substring(eq + 1).strip().toUpperCase(java.util.Locale.ROOT);
        if (id.isEmpty() || !(level.equals("ERROR") || level.equals("WARNING") || level.equals("INFO"))) {
            throw new UsageException("validate", "--severity: '" + value + "' is not ID=LEVEL with LEVEL error, "
                    + "warning or info (lint/probes=error)");
        }
        severities.put(id, Severity.valueOf(level));
    }

    private static FmtOptions fmt(List<String> args) throws UsageException {
        var write = false;
        var readerOptions = ReaderOptions.defaults();
        var inputs = new ArrayList<String>();
        var cursor = new Cursor("fmt", args);
        while (cursor.hasNext()) {
            var arg = cursor.next();
            if (cursor.isInput(arg)) {
                inputs.add(arg);
                continue;
            }
            switch (cursor.name(arg)) {
                case "-w", "--write" -> write = cursor.flag(arg, true);
                case "--max-document-bytes" ->
                        readerOptions = readerOptions.withMaxDocumentBytes(limit("fmt", arg, cursor.value(arg)));
                case "--max-values" -> readerOptions = readerOptions.withMaxValues(limit("fmt", arg, cursor.value(arg)));
                default -> throw cursor.unknown(arg);
            }
        }
        requireInputs("fmt", inputs);
        if (write && inputs.contains("-")) {
            throw new UsageException("fmt", "--write cannot rewrite stdin: drop --write or name files");
        }
        return new FmtOptions(write, readerOptions, inputs);
    }

    private static String profile(String value) throws UsageException {
        if (!value.equals("dev") && !value.equals("prod")) {
            throw new UsageException("validate", "unknown profile '" + value + "': use dev or prod");
        }
        return value;
    }

    /** A reader limit: a whole number from 1 to 2147483647. */
    private static int limit(String command, String option, String value) throws UsageException {
        var name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(command, name + ": '" + MessageText.cut(value, 64)
                + "' is not a whole number from 1 to " + Integer.MAX_VALUE);
    }

    private static Path schemaLocation(String value) throws UsageException {
        try {
            return Input.path(value, "--schema-location");
        } catch (InputException e) {
            throw new UsageException("validate", e.getMessage());
        }
    }

    private static PortRange nodePortRange(String value) throws UsageException {
        try {
            return PortRange.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("validate", "--node-port-range: " + e.getMessage());
        }
    }

    private static void requireInputs(String command, List<String> inputs) throws UsageException {
        if (inputs.isEmpty()) {
            throw new UsageException(command, "no input: name files, directories, or - for stdin");
        }
        if (inputs.stream().filter("-"::equals).count() > 1) {
            throw new UsageException(command, "stdin (-) can be read only once");
        }
    }

    /** Walks the arguments of one command, knowing when options end. */
    private static final class Cursor {

        private final String command;
        private final List<String> args;
        private int position;
        private boolean optionsEnded;

        Cursor(String command, List<String> args) {
            this.command = command;
            this.args = args;
        }

        /** True if an argument other than the first {@code --} follows (which is consumed here). */
        boolean hasNext() {
            if (!optionsEnded && position < args.size() && args.get(position).equals("--")) {
                optionsEnded = true;
                position++;
            }
            return position < args.size();
        }

        /** The next argument; {@link #hasNext} must have said there is one. */
        String next() {
            return args.get(position++);
        }

        /** True for an input (a path or {@code -}), false for an option. */
        boolean isInput(String arg) {
            return optionsEnded || arg.equals("-") || !arg.startsWith("-");
        }

        /** The option's name, without any {@code =value}; a short option is its first two characters. */
        String name(String arg) {
            if (isShortWithValue(arg)) {
                return arg.substring(0, 2);
            }
            var eq = arg.indexOf('=');
            return arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
        }

        /** The option's value: after {@code =}, attached to a short option, or the next argument. */
        String value(String arg) throws UsageException {
            var eq = arg.indexOf('=');
            if (isShortWithValue(arg) || arg.startsWith("--") && eq > 0) {
                var value = arg.substring(isShortWithValue(arg) ? (arg.charAt(2) == '=' ? 3 : 2) : eq + 1);
                if (value.isEmpty()) {
                    throw new UsageException(command, "option " + name(arg) + " needs a value");
                }
                return value;
            }
            if (position >= args.size() || args.get(position).startsWith("-") && !args.get(position).equals("-")) {
                throw new UsageException(command, "option " + arg + " needs a value");
            }
            return args.get(position++);
        }

        /** Rejects {@code --flag=value} for options that take no value. */
        boolean flag(String arg, boolean value) throws UsageException {
            if (arg.indexOf('=') > 0) {
                throw new UsageException(command, "option " + name(arg) + " takes no value");
            }
            return value;
        }

        UsageException unknown(String arg) {
            var name = name(arg);
            var ours = KUBECONFORM_NAMES.getOrDefault(name, name.startsWith("--") ? null : "-" + name);
            var hint = ours != null && KNOWN.get(command).contains(ours) ? ": did you mean " + ours + "?"
                    : name.equals("-f") || name.equals("--filename")
                    ? ": name files and directories as they are, without -f (kubectl's flag)" : "";
            return new UsageException(command, "unknown option '" + name + "'" + hint);
        }

        /**
         * {@code -ojson}, {@code -o=json}: kubectl's short option with its value attached; but
         * {@code -output} is kubeconform's spelling of {@code --output}, not {@code -o utput}.
         */
        private boolean isShortWithValue(String arg) {
            var known = KNOWN.get(command);
            var eq = arg.indexOf('=');
            return arg.length() > 2 && arg.startsWith("-o") && !arg.startsWith("--") && known.contains("-o")
                    && !known.contains("-" + (eq > 0 ? arg.substring(0, eq) : arg));
        }
    }

    /** Each command's options, to tell a misspelt known option from an unknown one. */
    private static final Map<String, List<String>> KNOWN = Map.of(
            "validate", List.of("--kubernetes-version", "--schema-location", "--strict", "--no-strict", "--profile",
                    "--skip-missing-schemas", "--node-port-range", "-o", "--output", "--disable", "--severity"),
            "fmt", List.of("-w", "--write", "--max-document-bytes", "--max-values"));

    /** kubeconform's names for options we spell differently (its single-dash names get one more dash). */
    private static final Map<String, String> KUBECONFORM_NAMES = Map.of(
            "-ignore-missing-schemas", "--skip-missing-schemas",
            "--ignore-missing-schemas", "--skip-missing-schemas");
}
