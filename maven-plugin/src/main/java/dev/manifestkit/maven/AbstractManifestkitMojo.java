package dev.manifestkit.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.manifestkit.core.FileNames;
import dev.manifestkit.core.MessageText;
import dev.manifestkit.validation.KubernetesVersion;
import dev.manifestkit.validation.ObjectRef;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.PortRange;
import dev.manifestkit.validation.Profile;
import dev.manifestkit.validation.ResourceResult;
import dev.manifestkit.validation.Severity;
import dev.manifestkit.validation.ValidationReport;
import dev.manifestkit.validation.Validator;
import dev.manifestkit.validation.report.ReportWriter;

/**
 * What both goals share: skipping, and how manifests are validated and problems reported.
 *
 * <p>Which exception stops the build, in both goals: a {@link MojoExecutionException} when the
 * goal cannot do its work, for a configuration value it cannot use ({@code disable},
 * {@code severities}, {@code nodePortRange}, {@code reportFormat}, {@code failOn}, {@code layout},
 * the Kubernetes version, profile or schema location, sources or packages that give no usable
 * {@code ManifestSource}, a configured directory that does not exist) or an environment problem
 * (a file that cannot be listed or written); a {@link MojoFailureException} when it did its work
 * and the user's manifests are at fault: problems at or above {@code failOn}, files that cannot be
 * read as manifests, sources whose {@code manifests()} throws. Each message is one line, but for a
 * list of problems, one line each.
 */
abstract class AbstractManifestkitMojo extends AbstractMojo {

    /** How {@link Validator.Builder#build()} begins its message refusing an id given to {@code disable}. */
    private static final String DISABLE_REFUSED = "disable: ";
    /** How {@link Validator.Builder#build()} begins its message refusing an id given to {@code severity}. */
    private static final String SEVERITY_REFUSED = "severity: ";

    /** Skips the goal. Set {@code -Dmanifestkit.skip} to skip both {@code generate} and {@code validate}. */
    @Parameter(property = "manifestkit.skip", defaultValue = "false")
    boolean skip;

    /**
     * The Kubernetes version to validate against, such as {@code 1.35}: it picks the official
     * definitions and the version-dependent rules. Definitions for 1.33 to 1.36 are bundled.
     */
    @Parameter(property = "manifestkit.kubernetesVersion", defaultValue = "1.35")
    String kubernetesVersion;

    /**
     * The best-practice profile: {@code dev}, or {@code prod}, which adds the rules that are noise
     * during development (resource requests and limits, probes, NodePort services, …).
     */
    @Parameter(property = "manifestkit.profile", defaultValue = "dev")
    String profile;

    /**
     * The lowest severity that fails the build: {@code error} (warnings are only logged) or
     * {@code warning}.
     */
    @Parameter(property = "manifestkit.failOn", defaultValue = "error")
    String failOn;

    /**
     * Kubernetes definitions to consult before the bundled ones: a cluster's {@code /openapi/v2}
     * document, a {@code _definitions.json} file (custom resources, with
     * {@code x-kubernetes-group-version-kind}), or a directory holding one. With it, any
     * Kubernetes version may be named, bundled or not.
     */
    @Parameter(property = "manifestkit.schemaLocation")
    File schemaLocation;

    /**
     * Accept objects whose kind has no definition (custom resources without a schema) instead of
     * reporting them as errors. The other rules still apply to them.
     */
    @Parameter(property = "manifestkit.skipMissingSchemas", defaultValue = "false")
    boolean skipMissingSchemas;

    /**
     * The cluster's {@code --service-node-port-range}: the node ports Services may ask for, written
     * as the API server's flag takes it ({@code 30000-32767}, {@code 30000+2767}).
     */
    @Parameter(property = "manifestkit.nodePortRange", defaultValue = "30000-32767")
    String nodePortRange;

    /**
     * Rules to turn off, by id or by a prefix ending at a slash ({@code lint} for every
     * {@code lint/…} rule), as the command line's {@code --disable} takes them; an entry may list
     * several, comma-separated ({@code -Dmanifestkit.disable=lint/host-path,ref}). An id that names
     * no rule stops the build. To spare one object a rule, annotate it with
     * {@code manifestkit.dev/ignore: "IDS"} instead.
     */
    @Parameter(property = "manifestkit.disable")
    List<String> disable = new ArrayList<>();

    /**
     * Severities to report rules with, each {@code ID=LEVEL}: a rule id or a prefix ending at a slash,
     * and {@code error}, {@code warning} or {@code info}, as the command line's {@code --severity}
     * takes them ({@code <severity>lint/probes=error</severity>}, or
     * {@code -Dmanifestkit.severities=lint=error,lint/image-tag=info}); the most specific id wins. A
     * list rather than a map because an XML element cannot be named {@code lint/probes}. An id that
     * names no rule stops the build.
     */
    @Parameter(property = "manifestkit.severities")
    List<String> severities = new ArrayList<>();

    /**
     * Also write the validation report to this file, passing or failing, for CI systems that show
     * test results ({@code target/manifestkit-report.xml} with the {@code junit} format).
     */
    @Parameter(property = "manifestkit.reportFile")
    File reportFile;

    /** The format of {@code reportFile}: {@code junit}, {@code json} or {@code text}. */
    @Parameter(property = "manifestkit.reportFormat", defaultValue = "junit")
    String reportFormat;

    /** Where Maven was started, to print paths relative to it (as the user typed them). */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true, required = true)
    File executionRoot;

    /**
     * The validator the configuration describes. Rule ids in {@link #disable} and
     * {@link #severities} are checked by the validator's builder, as the command line's are; one
     * naming no rule is a configuration error naming the parameter.
     */
    Validator validator() throws MojoExecutionException {
        var disabled = ruleIds(disable);
        var overrides = severityOverrides(severities);
        try {
            var builder = Validator.builder()
                    .kubernetesVersion(KubernetesVersion.parse(kubernetesVersion))
                    .profile(Profile.parse(profile))
                    .skipMissingSchemas(skipMissingSchemas)
                    .nodePortRange(nodePortRange())
                    .disable(disabled.toArray(String[]::new));
            overrides.forEach(builder::severity);
            if (schemaLocation != null) {
                builder.schemaLocation(schemaLocation.toPath());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            var message = String.valueOf(e.getMessage());
            // the builder says which of its methods was given an id naming no rule: disable or severity
            if (message.startsWith(DISABLE_REFUSED)) {
                throw new MojoExecutionException(oneLine("manifestkit: disable: "
                        + message.substring(DISABLE_REFUSED.length())));
            }
            if (message.startsWith(SEVERITY_REFUSED)) {
                throw new MojoExecutionException(oneLine("manifestkit: severities: "
                        + message.substring(SEVERITY_REFUSED.length())));
            }
            throw new MojoExecutionException(oneLine("manifestkit: " + message));
        }
    }

    /**
     * The ids of {@link #disable}: each entry split at commas, as {@code --disable} splits its
     * value (and as Maven splits a {@code -D} value for a list), blanks dropped.
     */
    static List<String> ruleIds(List<String> entries) {
        var ids = new ArrayList<String>();
        for (var entry : entries == null ? List.<String>of() : entries) {
            for (var id : entry == null ? new String[0] : entry.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.strip());
                }
            }
        }
        return ids;
    }

    /**
     * The overrides of {@link #severities}, in order (a later one for the same id wins, as a later
     * {@code --severity} does).
     *
     * @throws MojoExecutionException naming the entry, if one is not {@code ID=LEVEL}
     */
    static Map<String, Severity> severityOverrides(List<String> entries) throws MojoExecutionException {
        var overrides = new LinkedHashMap<String, Severity>();
        for (var entry : ruleIds(entries)) {
            int eq = entry.lastIndexOf('=');
            var id = eq < 0 ? "" : entry.substring(0, eq).strip();
            var level = eq < 0 ? null : severity(entry.substring(eq + 1).strip());
            if (id.isEmpty() || level == null) {
                throw new MojoExecutionException(oneLine("manifestkit: severities: '" + entry
                        + "' is not ID=LEVEL with LEVEL error, warning or info (lint/probes=error)"));
            }
            overrides.put(id, level);
        }
        return overrides;
    }

    /** {@code error}, {@code warning} or {@code info}, case-insensitively; null for anything else. */
    private static Severity severity(String label) {
        for (var severity : Severity.values()) {
            if (severity.label().equalsIgnoreCase(label)) {
                return severity;
            }
        }
        return null;
    }

    private static String oneLine(String message) {
        return MessageText.oneLine(message, 4 * MessageText.MAX_TEXT);
    }

    private PortRange nodePortRange() throws MojoExecutionException {
        if (nodePortRange == null || nodePortRange.isBlank()) {
            return PortRange.DEFAULT_NODE_PORTS;
        }
        try {
            return PortRange.parse(nodePortRange);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("manifestkit: nodePortRange: " + e.getMessage());
        }
    }

    /** Writes {@code report} to {@link #reportFile}, if one is configured. */
    void writeReport(ValidationReport report) throws MojoExecutionException {
        if (reportFile == null) {
            return;
        }
        final ReportWriter writer;
        try {
            writer = ReportWriter.forFormat(reportFormat);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("manifestkit: reportFormat: " + e.getMessage());
        }
        var file = reportFile.toPath().toAbsolutePath();
        try {
            if (Files.isDirectory(file)) {
                throw new MojoExecutionException("manifestkit: cannot write the report to " + reportFile
                        + ": it is a directory");
            }
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // a device or a pipe (/dev/stdout): written as it is, never replaced
                try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    writer.write(report, out);
                }
                return;
            }
            if (Files.isSymbolicLink(file) && Files.exists(file)) {
                // the file the link leads to is replaced, and the link stays
                file = file.toRealPath();
            }
            // written beside it and renamed over it, so a failure halfway leaves the previous report whole
            var temp = Files.createTempFile(file.getParent(), "." + FileNames.siblingStem(file.getFileName().toString())
                    + ".", ".tmp");
            try {
                try (var out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    writer.write(report, out);
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("manifestkit: cannot write the report to " + reportFile + ": "
                    + reason(e), e);
        }
    }

    /**
     * Why a file operation failed, in one line: the system's reason and the file it concerns,
     * where Java's own message for a refused or missing file is only the file's name.
     */
    static String reason(IOException e) {
        String why = MessageText.fileSystemReason(e);
        if (why == null) {
            why = e instanceof FileAlreadyExistsException ? "exists and is not a directory"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        var file = e instanceof FileSystemException fs && !why.contains(String.valueOf(fs.getFile())) ? fs.getFile() : null;
        return MessageText.oneLine(file == null ? why : file + ": " + why, MessageText.MAX_TEXT);
    }

    /**
     * The report with each resource's file renamed, so that the report file names files as the
     * log lines do (relative to where Maven started, or a generated object's source) and stays
     * the same on every machine.
     */
    static ValidationReport refiled(ValidationReport report, UnaryOperator<String> rename) {
        var resources = report.resources().stream().map(resource -> new ResourceResult(
                refiled(resource.object(), rename), resource.problems().stream().map(p -> new Problem(p.severity(),
                        p.ruleId(), refiled(p.object(), rename), p.path(), p.type(), p.badValue(), p.detail(),
                        p.location())).toList(), resource.notShown())).toList();
        return ValidationReport.of(resources, report.fileErrors());
    }

    private static ObjectRef refiled(ObjectRef object, UnaryOperator<String> rename) {
        return new ObjectRef(object.kind(), object.namespace(), object.name(), rename.apply(object.origin()),
                object.document(), object.item());
    }

    /** The configured {@link #failOn}. */
    FailOn failOnSeverity() throws MojoExecutionException {
        try {
            return FailOn.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("manifestkit: " + e.getMessage());
        }
    }

    /**
     * Logs each problem on its own line at its own level; notes of severity info only with
     * {@code -X}, so that the summary lines stay readable.
     *
     * @param where prefix naming the source or file, ending with {@code ": "}
     */
    void log(String where, List<Problem> problems) {
        for (var problem : problems) {
            var line = "  " + where + problem;
            switch (problem.severity()) {
                case ERROR -> getLog().error(line);
                case WARNING -> getLog().warn(line);
                case INFO -> getLog().debug(line);
            }
        }
    }

    /**
     * The exception that fails the build because of the user's manifests, listing every failing
     * problem on its own line.
     *
     * @param failing lines of the form {@code where: Kind/ns/name: path: message [rule]}
     */
    static MojoFailureException failure(String what, List<String> failing) {
        return new MojoFailureException(listing(what, failing));
    }

    /** The exception for a configuration the goal cannot use, listing every reason on its own line. */
    static MojoExecutionException configurationError(String what, List<String> reasons) {
        return new MojoExecutionException(listing(what, reasons));
    }

    private static String listing(String what, List<String> lines) {
        // each item one line, whatever a source's exception message held
        return "manifestkit: " + what + ":" + System.lineSeparator()
                + lines.stream().map(line -> "  " + MessageText.oneLine(line, 4 * MessageText.MAX_TEXT))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /** {@code file} relative to where Maven was started, for short log lines. */
    String relative(Path file) {
        var base = executionRoot.toPath().toAbsolutePath().normalize();
        var target = file.toAbsolutePath().normalize();
        return target.startsWith(base) ? base.relativize(target).toString() : target.toString();
    }
}
