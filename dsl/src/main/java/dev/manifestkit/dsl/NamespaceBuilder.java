package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.model.Namespace;

/** A Namespace ({@code v1}); its name must be an RFC 1123 label. */
public final class NamespaceBuilder extends ObjectBuilder<NamespaceBuilder, Namespace,
        io.fabric8.kubernetes.api.model.NamespaceBuilder> {

    NamespaceBuilder(String name) {
        super("Namespace", name, true);
    }

    @Override
    Namespace assemble() {
        return new Namespace();
    }
}
