package dev.manifestkit.validation.rules;

import java.util.Objects;

import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.Rule;
import dev.manifestkit.validation.Severity;

/** The identity every rule carries: id, layer, default severity and a one-sentence description. */
abstract class BaseRule implements Rule {

    private final String id;
    private final Layer layer;
    private final Severity severity;
    private final String description;

    BaseRule(String id, Layer layer, Severity severity, String description) {
        this.id = Objects.requireNonNull(id);
        this.layer = Objects.requireNonNull(layer);
        this.severity = Objects.requireNonNull(severity);
        this.description = Objects.requireNonNull(description);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Layer layer() {
        return layer;
    }

    @Override
    public final Severity defaultSeverity() {
        return severity;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public String toString() {
        return id;
    }
}
