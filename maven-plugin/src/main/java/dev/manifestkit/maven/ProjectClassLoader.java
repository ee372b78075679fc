package dev.manifestkit.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loader that sees the project's compiled classes and its compile classpath.
 *
 * <p>Its parent is the plugin's own class loader, so {@code ManifestSource}, {@code Manifests} and
 * the fabric8 model come from the plugin (one copy of each class on both sides); everything else
 * the user's code needs comes from the project.
 */
final class ProjectClassLoader {

    private ProjectClassLoader() {
    }

    /** A loader over the given directories and jars, parent-first to the plugin's loader. */
    static URLClassLoader create(List<String> classpathElements, ClassLoader parent) {
        var urls = new ArrayList<URL>();
        for (var element : classpathElements) {
            try {
                urls.add(new File(element).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("classpath element is not a valid path: " + element, e);
            }
        }
        return new URLClassLoader("manifestkit-project", urls.toArray(URL[]::new), parent);
    }
}
