/**
 * Reading and writing manifests. {@link dev.manifestkit.core.yaml.ManifestWriter} writes YAML that
 * YAML 1.1 readers (kubectl, the API server) and YAML 1.2 readers read the same way, and replaces
 * directories atomically; {@link dev.manifestkit.core.yaml.ManifestReader} reads YAML as kubectl
 * does, with line and column for every value and limits against hostile input.
 */
package dev.manifestkit.core.yaml;
