package dev.manifestkit.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import dev.manifestkit.core.ManifestSource;

/**
 * Finds the {@link ManifestSource} implementations of a project: the classes listed by name, and
 * the concrete classes found by walking the compiled-classes directory (under the configured
 * packages, or everywhere when none are configured). No bytecode library: a class is loaded,
 * without being initialized, and asked whether it is a {@code ManifestSource}.
 */
final class SourceFinder {

    /**
     * What was found.
     *
     * @param sources  usable sources, listed ones first in the order given, then scanned ones by name
     * @param problems listed classes that cannot be used, one line each; these fail the build
     * @param skipped  scanned classes that implement {@code ManifestSource} but cannot be
     *                 instantiated, one line each; these are reported as warnings
     */
    record Result(List<Class<? extends ManifestSource>> sources, List<String> problems, List<String> skipped) {
        Result {
            sources = List.copyOf(sources);
            problems = List.copyOf(problems);
            skipped = List.copyOf(skipped);
        }
    }

    private final Path classesDirectory;
    private final ClassLoader loader;

    /**
     * @param classesDirectory the project's compiled classes ({@code target/classes})
     * @param loader           a loader that sees those classes and their dependencies
     */
    SourceFinder(Path classesDirectory, ClassLoader loader) {
        this.classesDirectory = classesDirectory;
        this.loader = loader;
    }

    /**
     * Finds the sources.
     *
     * @param classNames binary class names listed in the configuration ({@code com.acme.App$Prod})
     * @param packages   packages to scan, subpackages included; when empty and no class is listed,
     *                   the whole classes directory is scanned
     */
    Result find(List<String> classNames, List<String> packages) {
        var sources = new LinkedHashSet<Class<? extends ManifestSource>>();
        var problems = new ArrayList<String>();
        var skipped = new ArrayList<String>();
        for (var name : classNames) {
            var trimmed = name.trim();
            try {
                var type = Class.forName(trimmed, false, loader);
                var unusable = whyUnusable(type);
                if (unusable == null) {
                    sources.add(type.asSubclass(ManifestSource.class));
                } else {
                    problems.add(trimmed + ": " + unusable);
                }
            } catch (ClassNotFoundException e) {
                problems.add(trimmed + ": class not found in " + classesDirectory
                        + " or on the compile classpath (use the binary name, with $ for nested classes)");
            } catch (LinkageError e) {
                problems.add(trimmed + ": cannot be loaded: " + e);
            }
        }
        if (!packages.isEmpty() || classNames.isEmpty()) {
            var roots = packages.isEmpty() ? List.of("") : packages;
            for (var className : scan(roots, problems)) {
                final Class<?> type;
                try {
                    type = Class.forName(className, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    skipped.add(className + ": cannot be loaded: " + e);
                    continue;
                }
                if (!ManifestSource.class.isAssignableFrom(type) || type.isInterface()
                        || Modifier.isAbstract(type.getModifiers()) || type.isAnonymousClass()
                        || type.isLocalClass() || sources.contains(type)) {
                    continue;
                }
                var unusable = whyUnusable(type);
                if (unusable == null) {
                    sources.add(type.asSubclass(ManifestSource.class));
                } else {
                    skipped.add(className + ": " + unusable);
                }
            }
        }
        return new Result(List.copyOf(sources), problems, skipped);
    }

    /** Null if the class can serve as a source, else the reason it cannot. */
    private static String whyUnusable(Class<?> type) {
        if (!ManifestSource.class.isAssignableFrom(type)) {
            return "does not implement " + ManifestSource.class.getName();
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return "is abstract; name a concrete class";
        }
        if (!Modifier.isPublic(type.getModifiers())
                || (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()))) {
            return "must be a public top-level or public static nested class";
        }
        try {
            type.getConstructor();
            return null;
        } catch (NoSuchMethodException e) {
            return "has no public no-argument constructor";
        }
    }

    /** Binary names of the classes under the given packages, sorted; a missing package is a problem. */
    private Set<String> scan(List<String> packages, List<String> problems) {
        var names = new TreeSet<String>();
        for (var pkg : packages) {
            var trimmed = pkg.trim();
            var dir = trimmed.isEmpty() ? classesDirectory : classesDirectory.resolve(trimmed.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                problems.add((trimmed.isEmpty() ? "" : "package " + trimmed + ": ") + "no compiled classes in " + dir);
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        .map(file -> classesDirectory.relativize(file).toString().replace('\\', '/'))
                        .filter(path -> path.endsWith(".class"))
                        .map(path -> path.substring(0, path.length() - ".class".length()).replace('/', '.'))
                        .filter(name -> !name.endsWith("module-info") && !name.endsWith("package-info"))
                        .forEach(names::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list classes in " + dir, e);
            }
        }
        return names;
    }
}
