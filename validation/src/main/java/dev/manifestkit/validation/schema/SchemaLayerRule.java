package dev.manifestkit.validation.schema;

import java.util.Objects;

import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.Rule;
import dev.manifestkit.validation.Severity;

/** What the schema layer's rules share: a registry to look kinds up in, the layer, and errors by default. */
abstract class SchemaLayerRule implements Rule {

    private final String id;
    private final String description;
    final SchemaRegistry registry;

    SchemaLayerRule(String id, String description, SchemaRegistry registry) {
        this.id = id;
        this.description = description;
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Layer layer() {
        return Layer.SCHEMA;
    }

    @Override
    public final Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public final String description() {
        return description;
    }
}
