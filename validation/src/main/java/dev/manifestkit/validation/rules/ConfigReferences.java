package dev.manifestkit.validation.rules;

import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every place a pod refers to a Secret or ConfigMap, and optionally one of its keys: env
 * valueFrom, envFrom, secret and configMap volumes, and projected volume sources. Each reference
 * is visited once for the object (key null), then once per key it names.
 */
final class ConfigReferences {

    private ConfigReferences() {
    }

    /** One reference. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param kind     {@code Secret} or {@code ConfigMap}
         * @param name     the object's name (may be null if missing)
         * @param namePath where the name is written
         * @param key      the key referred to, or null for the whole object
         * @param keyPath  where the key is written, or null
         * @param optional true if the pod tolerates the object (or key) being absent
         */
        void visit(String kind, String name, FieldPath namePath, String key, FieldPath keyPath, boolean optional);
    }

    /** Visits the references of the object's pod spec. */
    static void forEach(RuleContext context, Visitor visitor) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        PodSpecs.forEachContainer(context, (container, path, init) -> {
            Nodes.forEachObject(container, "env", path, (env, envPath, i) -> {
                var from = Nodes.obj(env, "valueFrom");
                keyRef(visitor, "Secret", Nodes.obj(from, "secretKeyRef"), envPath.child("valueFrom", "secretKeyRef"));
                keyRef(visitor, "ConfigMap", Nodes.obj(from, "configMapKeyRef"),
                        envPath.child("valueFrom", "configMapKeyRef"));
            });
            Nodes.forEachObject(container, "envFrom", path, (envFrom, envFromPath, i) -> {
                objectRef(visitor, "Secret", Nodes.obj(envFrom, "secretRef"), envFromPath.child("secretRef"), "name");
                objectRef(visitor, "ConfigMap", Nodes.obj(envFrom, "configMapRef"), envFromPath.child("configMapRef"),
                        "name");
            });
        });
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            withItems(visitor, "Secret", Nodes.obj(volume, "secret"), path.child("secret"), "secretName");
            withItems(visitor, "ConfigMap", Nodes.obj(volume, "configMap"), path.child("configMap"), "name");
            var projected = Nodes.obj(volume, "projected");
            Nodes.forEachObject(projected, "sources", path.child("projected"), (source, sourcePath, j) -> {
                withItems(visitor, "Secret", Nodes.obj(source, "secret"), sourcePath.child("secret"), "name");
                withItems(visitor, "ConfigMap", Nodes.obj(source, "configMap"), sourcePath.child("configMap"), "name");
            });
        });
    }

    private static void keyRef(Visitor visitor, String kind, ObjectNode ref, FieldPath path) {
        if (ref != null) {
            var name = Nodes.str(ref, "name");
            boolean optional = Nodes.isTrue(ref, "optional");
            visitor.visit(kind, name, path.child("name"), null, null, optional);
            var key = Nodes.str(ref, "key");
            if (key != null) {
                visitor.visit(kind, name, path.child("name"), key, path.child("key"), optional);
            }
        }
    }

    private static void objectRef(Visitor visitor, String kind, ObjectNode ref, FieldPath path, String nameField) {
        if (ref != null) {
            visitor.visit(kind, Nodes.str(ref, nameField), path.child(nameField), null, null,
                    Nodes.isTrue(ref, "optional"));
        }
    }

    private static void withItems(Visitor visitor, String kind, ObjectNode source, FieldPath path, String nameField) {
        if (source == null) {
            return;
        }
        var name = Nodes.str(source, nameField);
        boolean optional = Nodes.isTrue(source, "optional");
        visitor.visit(kind, name, path.child(nameField), null, null, optional);
        Nodes.forEachObject(source, "items", path, (item, itemPath, i) -> {
            JsonNode key = item.get("key");
            if (key != null && key.isString()) {
                visitor.visit(kind, name, path.child(nameField), key.asString(), itemPath.child("key"), optional);
            }
        });
    }
}
