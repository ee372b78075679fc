/**
 * The manifestkit Maven plugin: {@code generate} runs a project's
 * {@link dev.manifestkit.core.ManifestSource} classes at build time, validates what they return and
 * writes YAML under {@code target/manifests}; {@code validate} checks YAML files kept in the
 * project. Both are thin: the work is done by manifestkit-core and manifestkit-validation.
 */
package dev.manifestkit.maven;
