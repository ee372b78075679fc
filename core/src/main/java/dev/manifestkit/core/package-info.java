/**
 * manifestkit core: {@link dev.manifestkit.core.Manifests}, an immutable ordered set of Kubernetes
 * objects, its plain-tree form {@link dev.manifestkit.core.ManifestDocument}, and the kind table
 * {@link dev.manifestkit.core.Kinds} (apiVersion, scope and install order of the modelled kinds).
 */
package dev.manifestkit.core;
