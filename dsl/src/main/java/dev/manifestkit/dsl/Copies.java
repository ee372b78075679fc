package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.Quantity;

/**
 * Fresh copies of the lists, maps and quantities a builder keeps, so that an object returned by
 * {@code build()} shares nothing mutable with its builder or with another built object.
 */
final class Copies {

    private Copies() {
    }

    /** A new mutable list, or null for null. */
    static <T> List<T> list(Collection<? extends T> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    /** A new mutable list of what {@code toModel} makes of each item, in order. */
    static <S, T> List<T> mapped(Collection<? extends S> items, Function<? super S, ? extends T> toModel) {
        var list = new ArrayList<T>(items.size());
        for (var item : items) {
            list.add(toModel.apply(item));
        }
        return list;
    }

    /** A new quantity with the same amount and format, so it is written the same way. */
    static Quantity quantity(Quantity quantity) {
        return new Quantity(quantity.getAmount(), quantity.getFormat());
    }

    /** A new map of new quantities, or null when there is nothing in it (the field is then left out). */
    static Map<String, Quantity> quantitiesOrNull(Map<String, Quantity> quantities) {
        if (quantities.isEmpty()) {
            return null;
        }
        var copy = new LinkedHashMap<String, Quantity>();
        quantities.forEach((resource, quantity) -> copy.put(resource, quantity(quantity)));
        return copy;
    }
}
