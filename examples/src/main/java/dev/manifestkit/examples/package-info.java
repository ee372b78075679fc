/**
 * Runnable example applications written with the DSL; each {@code main} prints its YAML, each is a
 * {@link dev.manifestkit.core.ManifestSource} the Maven plugin writes to
 * {@code target/manifests/}, and each has tests written with manifestkit-testing.
 */
package dev.manifestkit.examples;
