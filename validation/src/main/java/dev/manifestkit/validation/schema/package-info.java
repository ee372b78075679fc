/**
 * Layer 1: the official Kubernetes definitions as JSON Schemas.
 *
 * <p>{@link dev.manifestkit.validation.schema.Definitions} indexes a definitions document without
 * building its tree; {@link dev.manifestkit.validation.schema.SchemaRegistry} picks a definition by
 * apiVersion and kind ({@code x-kubernetes-group-version-kind}), compiles it once (strict: unknown
 * fields are errors) and caches it; {@link dev.manifestkit.validation.schema.KindSchema} turns the
 * validator's findings into API-server style field errors; the two rules
 * ({@code schema}, {@code schema/missing}) plug it into the engine.
 */
package dev.manifestkit.validation.schema;
