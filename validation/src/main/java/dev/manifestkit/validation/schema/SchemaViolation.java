package dev.manifestkit.validation.schema;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;

/**
 * One way an object breaks its kind's schema, already in the API server's terms.
 *
 * @param path     the offending field ({@code spec.replicas})
 * @param type     Required value, Invalid value, Forbidden (unknown field), …
 * @param badValue the value as the API server would quote it, or null
 * @param detail   what is wrong, without the path
 */
public record SchemaViolation(FieldPath path, ErrorType type, String badValue, String detail) {
}
