package dev.manifestkit.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.MessageText;
import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.tree.Trees;
import dev.manifestkit.core.yaml.Layout;
import dev.manifestkit.core.yaml.ManifestWriter;
import dev.manifestkit.validation.FileError;
import dev.manifestkit.validation.Problem;
import dev.manifestkit.validation.ResourceResult;
import dev.manifestkit.validation.ValidationReport;
import dev.manifestkit.validation.Validator;

/**
 * Runs the project's manifest sources, validates what they return and writes it as YAML.
 *
 * <p>A source is a public class with a public no-argument constructor that implements
 * {@code dev.manifestkit.core.ManifestSource}. Sources are taken from {@code sources} and from the
 * compiled classes under {@code packages}; with neither configured, every compiled class is
 * considered. Each source is written to its own folder under {@code outputDirectory}, named after
 * the class ({@code com.acme.FibApp$Prod} goes to {@code fib-app/prod}).
 *
 * <p>One summary line is logged per source. If any source fails to run or has a problem at or
 * above {@code failOn}, nothing is written and the build fails listing every problem with its
 * object, field path and rule.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PROCESS_CLASSES,
        requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public final class GenerateMojo extends AbstractManifestkitMojo {

    private static final String KUSTOMIZATION = "kustomization.yaml";

    /**
     * Manifest sources to run, by binary class name ({@code com.acme.FibApp$Prod} for a nested
     * class). Listed classes run first, in the order given.
     */
    @Parameter(property = "manifestkit.sources")
    List<String> sources = new ArrayList<>();

    /**
     * Packages (subpackages included) whose compiled classes are scanned for manifest sources.
     * When neither {@code sources} nor {@code packages} is set, all compiled classes are scanned.
     */
    @Parameter(property = "manifestkit.packages")
    List<String> packages = new ArrayList<>();

    /** Where the YAML is written; each source gets its own folder below it. */
    @Parameter(property = "manifestkit.outputDirectory", defaultValue = "${project.build.directory}/manifests")
    File outputDirectory;

    /**
     * How each source's folder is filled: {@code object} writes one file per object, named after
     * its kind and name ({@code fib-app/prod/service-web.yaml}); {@code source} writes one
     * multi-document file in install order ({@code fib-app/prod/manifests.yaml}).
     */
    @Parameter(property = "manifestkit.layout", defaultValue = "object")
    String layout;

    /**
     * Also write a {@code kustomization.yaml} into each source's folder, listing its files in
     * install order, so that {@code kubectl apply -k} and {@code kubectl kustomize} take the
     * folder as it is.
     */
    @Parameter(property = "manifestkit.kustomization", defaultValue = "false")
    boolean kustomization;

    /** The project's compiled classes, where sources are looked for. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true, required = true)
    File classesDirectory;

    /** The compile classpath the sources run with. */
    @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
    List<String> classpathElements;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("manifestkit: generate skipped (manifestkit.skip)");
            return;
        }
        var fileLayout = parseLayout();
        var failOnSeverity = failOnSeverity();
        var validator = validator();
        if (Files.exists(outputDirectory.toPath()) && !Files.isDirectory(outputDirectory.toPath())) {
            throw new MojoExecutionException("manifestkit: outputDirectory " + relative(outputDirectory.toPath())
                    + " is a file, not a directory");
        }
        try (var loader = ProjectClassLoader.create(classpathElements, getClass().getClassLoader())) {
            var found = new SourceFinder(classesDirectory.toPath(), loader).find(sources, packages);
            found.skipped().forEach(line -> getLog().warn("manifestkit: not a usable source: " + line));
            if (!found.problems().isEmpty()) {
                throw configurationError("cannot use the configured sources", found.problems());
            }
            if (found.sources().isEmpty()) {
                throw new MojoExecutionException("manifestkit: no ManifestSource implementation found in "
                        + relative(classesDirectory.toPath())
                        + (packages.isEmpty() ? "" : " under packages " + packages)
                        + "; list classes in <sources> or packages in <packages>, or skip with -Dmanifestkit.skip");
            }
            var generated = run(found.sources(), loader, validator);
            writeReport(report(generated));
            var failing = new ArrayList<String>();
            var broken = new ArrayList<String>();
            for (var source : generated) {
                if (source.error() != null) {
                    broken.add(source.name() + ": " + source.error());
                    continue;
                }
                for (var problem : source.problems()) {
                    if (failOnSeverity.fails(problem.severity())) {
                        failing.add(source.name() + ": " + problem);
                    }
                }
            }
            if (!broken.isEmpty() || !failing.isEmpty()) {
                for (var source : generated) {
                    logSummary(source, "not written", failOnSeverity);
                }
                var all = new ArrayList<>(broken);
                all.addAll(failing);
                throw failure(describeFailure(broken.size(), failing.size(), failOnSeverity)
                        + "; nothing was written", all);
            }
            for (var source : generated) {
                var target = write(source, fileLayout);
                logSummary(source, "written to " + relative(target), failOnSeverity);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("manifestkit: cannot write to " + outputDirectory + ": " + reason(e), e);
        } catch (UncheckedIOException e) {
            // what SourceFinder meets listing the compiled classes comes wrapped
            throw new MojoExecutionException("manifestkit: cannot list classes in " + classesDirectory + ": "
                    + reason(e.getCause()), e);
        }
    }

    /** Runs every source and validates its result; a source that throws is recorded, not fatal. */
    private List<Generated> run(List<Class<? extends ManifestSource>> types, ClassLoader loader, Validator validator)
            throws MojoExecutionException {
        checkFolders(types);
        var generated = new ArrayList<Generated>();
        var thread = Thread.currentThread();
        var previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            for (var type : types) {
                var name = SourceNames.displayName(type);
                var directory = SourceNames.directory(type);
                Manifests manifests;
                try {
                    manifests = type.getConstructor().newInstance().manifests();
                } catch (InvocationTargetException e) {
                    generated.add(Generated.failed(name, directory, "constructor threw " + describe(e.getCause(), type)));
                    continue;
                } catch (ReflectiveOperationException | LinkageError e) {
                    generated.add(Generated.failed(name, directory, "cannot be instantiated: " + e));
                    continue;
                } catch (RuntimeException e) {
                    getLog().debug(e);
                    generated.add(Generated.failed(name, directory, "manifests() threw " + describe(e, type)));
                    continue;
                }
                if (manifests == null) {
                    generated.add(Generated.failed(name, directory, "manifests() returned null"));
                    continue;
                }
                try {
                    generated.add(new Generated(name, directory, manifests, validator.validate(manifests), null));
                } catch (RuntimeException e) {
                    getLog().debug(e);
                    generated.add(Generated.failed(name, directory, "cannot be validated: " + describe(e, type)));
                }
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
        return generated;
    }

    /**
     * The report of every source, each resource filed under its source's name (as the log lines
     * are), not under the {@code <memory>} all built objects share, so a report tells sources
     * apart; a source that failed to run is an error of its own.
     */
    private static ValidationReport report(List<Generated> generated) {
        var resources = new ArrayList<ResourceResult>();
        var failed = new ArrayList<FileError>();
        for (var source : generated) {
            if (source.report() == null) {
                failed.add(new FileError(source.name(), null, source.error()));
            } else {
                resources.addAll(refiled(source.report(), origin -> source.name()).resources());
            }
        }
        return ValidationReport.of(resources, failed);
    }

    /**
     * Fails if two sources would share a folder, or one's folder would hold another's: the goal
     * cannot write what it is given to run, a configuration error whatever the manifests hold.
     */
    private static void checkFolders(List<Class<? extends ManifestSource>> types) throws MojoExecutionException {
        for (var a : types) {
            for (var b : types) {
                var folderA = SourceNames.directory(a);
                var folderB = SourceNames.directory(b);
                if (a != b && (folderA.equals(folderB) || folderB.startsWith(folderA + "/"))) {
                    throw new MojoExecutionException("manifestkit: " + a.getName() + " and " + b.getName()
                            + " would be written to " + folderA + " and " + folderB
                            + "; a source's folder must not hold another's, so rename one of the classes");
                }
            }
        }
    }

    /** The summary line, then the problems that do not fail the build (the failure lists the others). */
    private void logSummary(Generated source, String outcome, FailOn failOn) {
        if (source.error() != null) {
            getLog().error("manifestkit: " + source.name() + ": failed to run, " + outcome);
            return;
        }
        getLog().info("manifestkit: " + source.name() + ": " + Summary.objects(source.manifests().documents())
                + ", " + Summary.problems(source.problems()) + ", " + outcome);
        log(source.name() + ": ", source.problems().stream().filter(p -> !failOn.fails(p.severity())).toList());
    }

    /**
     * Writes one source into its folder, atomically (see {@link ManifestWriter#writeDirectory}),
     * then its {@code kustomization.yaml}, which lists the files in install order.
     */
    private Path write(Generated source, Layout fileLayout) throws IOException {
        var folder = outputDirectory.toPath().resolve(source.directory());
        var documents = source.manifests().documents();
        ManifestWriter.writeDirectory(documents, folder, fileLayout);
        if (kustomization) {
            var files = fileLayout == Layout.SINGLE_FILE ? List.of(ManifestWriter.SINGLE_FILE_NAME)
                    : List.copyOf(ManifestWriter.fileNames(documents).keySet());
            ManifestWriter.writeFile(List.of(kustomization(files)), folder.resolve(KUSTOMIZATION));
        }
        return folder;
    }

    /** A {@code kustomize.config.k8s.io/v1beta1} Kustomization listing these files. */
    private static ManifestDocument kustomization(List<String> files) {
        var tree = Trees.jsonMapper().createObjectNode();
        tree.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        tree.put("kind", "Kustomization");
        var resources = tree.putArray("resources");
        files.forEach(resources::add);
        return ManifestDocument.inMemory(tree, 0);
    }

    private Layout parseLayout() throws MojoExecutionException {
        return switch (layout == null ? "" : layout.trim().toLowerCase(Locale.ROOT)) {
            case "object" -> Layout.FILE_PER_OBJECT;
            case "source" -> Layout.SINGLE_FILE;
            default -> throw new MojoExecutionException("manifestkit: layout must be one of object, source; got '"
                    + layout + "'");
        };
    }

    private static String describeFailure(int broken, int failing, FailOn failOn) {
        var parts = new ArrayList<String>();
        if (broken > 0) {
            parts.add(Summary.plural(broken, "source") + " failed to run");
        }
        if (failing > 0) {
            parts.add(Summary.plural(failing, "problem") + " at or above failOn=" + failOn);
        }
        return String.join(", ", parts);
    }

    /** {@code IllegalArgumentException: no key X (at com.acme.App.manifests(App.java:42))}. */
    private static String describe(Throwable e, Class<?> source) {
        var outer = source;
        while (outer.getEnclosingClass() != null) {
            outer = outer.getEnclosingClass();
        }
        return describe(e, outer.getName());
    }

    /**
     * The exception and the first frame in the source's top-level class {@code outerClassName}. The
     * frame is written without its class loader's name: the project's classes come from a loader
     * named {@code manifestkit-project}, which {@link StackTraceElement#toString()} would print as
     * {@code manifestkit-project//com.acme.App.manifests(App.java:42)}.
     */
    static String describe(Throwable e, String outerClassName) {
        var text = e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + MessageText.oneLine(e.getMessage(), MessageText.MAX_TEXT));
        for (var frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(outerClassName)) {
                var plain = new StackTraceElement(frame.getClassName(), frame.getMethodName(), frame.getFileName(),
                        frame.getLineNumber());
                return text + " (at " + plain + ")";
            }
        }
        return text;
    }

    /** One source's outcome: its manifests and their validation, or why it could not run. */
    private record Generated(String name, String directory, Manifests manifests, ValidationReport report, String error) {
        static Generated failed(String name, String directory, String error) {
            return new Generated(name, directory, null, null, error);
        }

        List<Problem> problems() {
            return report == null ? List.of() : report.problems();
        }
    }
}
