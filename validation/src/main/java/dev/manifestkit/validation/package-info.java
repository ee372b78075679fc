/**
 * Validation of Kubernetes objects: {@link dev.manifestkit.validation.Validator} runs the schema
 * layer and the rules of the other layers and returns a
 * {@link dev.manifestkit.validation.ValidationReport}; {@link dev.manifestkit.validation.ValidationSession}
 * does the same for streams. Problems name the object, the field path as the API server prints
 * it, and the rule that found them, so users can filter, re-grade and suppress them
 * ({@code manifestkit.dev/ignore} annotation).
 */
package dev.manifestkit.validation;
