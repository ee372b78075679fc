/**
 * The syntax rules the Kubernetes API server applies to names, label keys and values, data keys,
 * environment variable names, resource quantities and ports, shared by the DSL (which fails fast)
 * and the validator (which reports every problem). Checks return the API server's own wording.
 */
package dev.manifestkit.core.syntax;
