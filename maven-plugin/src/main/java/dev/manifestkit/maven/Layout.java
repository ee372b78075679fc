package dev.manifestkit.maven;

import java.util.Locale;

/** How the generated YAML is split into files. */
enum Layout {
    /**
     * One folder per source ({@code fib-app/prod/}) holding one file per object, numbered in install
     * order ({@code 03-service-web.yaml}) so that {@code kubectl apply -f} on the folder applies
     * them in that order.
     */
    OBJECT,
    /** One multi-document file per source ({@code fib-app/prod.yaml}), objects in install order. */
    SOURCE;

    /** Parses {@code object} or {@code source}, case-insensitively. */
    static Layout parse(String text) {
        for (var value : values()) {
            if (value.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("layout must be one of object, source; got '" + text + "'");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
