package dev.manifestkit.validation;

/**
 * Which object a problem is about: {@code Kind/namespace/name}, or {@code Kind/name} for
 * cluster-scoped objects, plus where it was read from.
 *
 * @param kind      the object's kind, or {@code "?"} if it has none
 * @param namespace its namespace, or null
 * @param name      its name, or null
 * @param origin    file it was read from, or {@code "<memory>"}
 * @param document  0-based document index within the origin
 */
public record ObjectRef(String kind, String namespace, String name, String origin, int document) {

    @Override
    public String toString() {
        var sb = new StringBuilder(kind == null ? "?" : kind).append('/');
        if (namespace != null && !namespace.isEmpty()) {
            sb.append(namespace).append('/');
        }
        return sb.append(name == null ? "?" : name).toString();
    }
}
