package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.FieldPath;
import tools.jackson.databind.node.ObjectNode;

/** Walks an Ingress's backends: the default backend, then each rule's paths. */
final class Ingresses {

    private static final FieldPath SPEC = FieldPath.root("spec");

    private Ingresses() {
    }

    /** Visits one backend. */
    @FunctionalInterface
    interface BackendVisitor {
        void visit(ObjectNode backend, FieldPath path);
    }

    /** Visits one HTTP path of a rule. */
    @FunctionalInterface
    interface PathVisitor {
        void visit(ObjectNode httpPath, FieldPath path);
    }

    /** Every backend of an Ingress, with its path. */
    static void forEachBackend(ObjectNode ingress, BackendVisitor visitor) {
        var spec = Nodes.obj(ingress, "spec");
        var defaultBackend = Nodes.obj(spec, "defaultBackend");
        if (defaultBackend != null) {
            visitor.visit(defaultBackend, SPEC.child("defaultBackend"));
        }
        forEachPath(ingress, (httpPath, path) -> {
            var backend = Nodes.obj(httpPath, "backend");
            if (backend != null) {
                visitor.visit(backend, path.child("backend"));
            }
        });
    }

    /** Every {@code spec.rules[i].http.paths[j]}, with its path. */
    static void forEachPath(ObjectNode ingress, PathVisitor visitor) {
        var spec = Nodes.obj(ingress, "spec");
        Nodes.forEachObject(spec, "rules", SPEC, (rule, rulePath, i) ->
                Nodes.forEachObject(Nodes.obj(rule, "http"), "paths", rulePath.child("http"),
                        (httpPath, path, j) -> visitor.visit(httpPath, path)));
    }
}
