package dev.manifestkit.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.yaml.ManifestReadException;
import dev.manifestkit.core.yaml.ManifestReader;
import dev.manifestkit.validation.FileError;
import dev.manifestkit.validation.ListDocuments;
import dev.manifestkit.validation.Problem;

/**
 * Validates YAML manifests kept as files, as {@code manifestkit validate} does: every
 * {@code .yaml} and {@code .yml} file under {@code directory} (except kustomize's
 * {@code kustomization.yaml}) is read with Kubernetes' YAML 1.1 rules and the files are checked
 * together, so references between them resolve.
 *
 * <p>One summary line is logged per file; the build fails listing every problem at or above
 * {@code failOn} with its file, line, object, field path and rule.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public final class ValidateMojo extends AbstractManifestkitMojo {

    /** Where the goal looks when {@link #directory} is not configured, relative to the project. */
    static final String DEFAULT_DIRECTORY = "src/main/kubernetes";

    /**
     * The folder whose {@code .yaml}, {@code .yml} and {@code .json} files are validated, subfolders
     * included ({@code kustomization.yaml} skipped), as the command line takes a directory. Default
     * {@code src/main/kubernetes}, which may be missing (the goal then logs so and passes, as
     * maven-resources-plugin does for a missing resource folder, so a parent POM may bind the goal
     * for every module); a folder configured here must exist.
     */
    @Parameter(property = "manifestkit.directory")
    File directory;

    /** The project's folder, which holds the default {@link #directory}. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("manifestkit: validate skipped (manifestkit.skip)");
            return;
        }
        // the configuration is checked first, so a mistake in it shows in every module, with manifests or without
        var failOnSeverity = failOnSeverity();
        var validator = validator();
        var configured = directory != null;
        var root = configured ? directory.toPath() : basedir.toPath().resolve(DEFAULT_DIRECTORY);
        if (!configured && !Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            getLog().info("manifestkit: no " + relative(root) + " folder, nothing to validate");
            return;
        }
        if (!Files.isDirectory(root)) {
            throw new MojoExecutionException("manifestkit: " + (configured ? "directory " : "") + relative(root)
                    + (Files.exists(root) ? " is not a directory" : " does not exist")
                    + "; set <directory> to where the YAML files are, or skip with -Dmanifestkit.skip");
        }
        var files = yamlFiles(root);
        if (files.isEmpty()) {
            getLog().warn("manifestkit: no .yaml, .yml or .json files in " + relative(root));
            return;
        }
        var reader = ManifestReader.create();
        var documents = new LinkedHashMap<Path, List<ManifestDocument>>();
        var unreadable = new ArrayList<FileError>();
        for (var file : files) {
            try {
                documents.put(file, reader.read(file));
            } catch (ManifestReadException e) {
                unreadable.add(new FileError(relative(file), e.location().orElse(null), e.problem()));
            } catch (IOException e) {
                unreadable.add(new FileError(relative(file), null, "cannot be read: " + reason(e)));
            }
        }
        var all = documents.values().stream().flatMap(List::stream).toList();
        var report = validator.validate(all, List.of()).withFileErrors(unreadable);
        writeReport(refiled(report, origin -> relative(Path.of(origin))));
        var problems = report.problems();
        var failing = new ArrayList<String>();
        unreadable.forEach(error -> failing.add(error.toString()));
        for (var entry : documents.entrySet()) {
            var file = entry.getKey();
            var origin = file.toString();
            var own = problems.stream().filter(p -> origin.equals(p.object().origin())).toList();
            var objects = entry.getValue().stream().flatMap(d -> ListDocuments.expand(d).stream()).toList();
            getLog().info("manifestkit: " + relative(file) + ": " + Summary.objects(objects)
                    + ", " + Summary.problems(own));
            for (var problem : own) {
                if (failOnSeverity.fails(problem.severity())) {
                    failing.add(where(file, problem) + problem);
                } else {
                    log(where(file, problem), List.of(problem));
                }
            }
        }
        if (!failing.isEmpty()) {
            throw failure(Summary.plural(failing.size(), "problem") + " in " + relative(root)
                    + " at or above failOn=" + failOnSeverity, failing);
        }
    }

    /** {@code src/main/kubernetes/app.yaml:19:28: } */
    private String where(Path file, Problem problem) {
        return relative(file) + (problem.location() == null ? "" : ":" + problem.location()) + ": ";
    }

    /** A YAML or JSON file other than kustomize's configuration, which is not a Kubernetes object. */
    private static boolean isManifestFile(String name) {
        return (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
                && !name.startsWith("kustomization.");
    }

    private static List<Path> yamlFiles(Path root) throws MojoExecutionException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> isManifestFile(p.getFileName().toString()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new MojoExecutionException("manifestkit: cannot list " + root + ": " + reason(e), e);
        } catch (UncheckedIOException e) {
            // what the walk meets below the root (a folder it may not list) comes wrapped
            throw new MojoExecutionException("manifestkit: cannot list " + root + ": " + reason(e.getCause()), e);
        }
    }
}
