package dev.manifestkit.validation.rules;

import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where an object keeps its pod spec, written once for every rule: {@code spec} for a Pod,
 * {@code spec.template.spec} for the workload controllers, {@code spec.jobTemplate.spec.template.spec}
 * for a CronJob.
 */
final class PodSpecs {

    // every rule asks for the pod spec of every object, so its paths are made once, not per call
    private static final Paths POD = new Paths(FieldPath.root("spec"), FieldPath.root("metadata"));
    private static final Paths TEMPLATE = Paths.of(FieldPath.root("spec").child("template"));
    private static final Paths CRON_TEMPLATE = Paths.of(FieldPath.root("spec").child("jobTemplate", "spec", "template"));
    private static final Paths POD_TEMPLATE = Paths.of(FieldPath.root("template"));

    /** Where a pod spec and its metadata sit. */
    private record Paths(FieldPath spec, FieldPath metadata) {
        static Paths of(FieldPath template) {
            return new Paths(template.child("spec"), template.child("metadata"));
        }
    }

    private PodSpecs() {
    }

    /**
     * A pod spec and where it sits.
     *
     * @param spec         the pod spec
     * @param path         its path ({@code spec} or {@code spec.template.spec})
     * @param metadata     the pod's metadata (the template's for controllers), or null
     * @param metadataPath where that metadata sits ({@code metadata} or {@code spec.template.metadata})
     * @param kind         the owning object's kind
     */
    record PodSpec(ObjectNode spec, FieldPath path, ObjectNode metadata, FieldPath metadataPath, String kind) {

        /** The pod's labels, or null. */
        ObjectNode labels() {
            return Nodes.obj(metadata, "labels");
        }

        /** Where the pod's labels sit. */
        FieldPath labelsPath() {
            return metadataPath.child("labels");
        }

        /** True if this is a template inside a controller, not a Pod. */
        boolean isTemplate() {
            return !kind.equals("Pod");
        }

        /** True for controllers whose pods must always restart (Deployment, StatefulSet, …). */
        boolean alwaysRestarts() {
            return Nodes.oneOf(kind, "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController");
        }

        /** True for a Job or CronJob template. */
        boolean isJob() {
            return kind.equals("Job") || kind.equals("CronJob");
        }
    }

    /** Visits one container of a pod spec. */
    @FunctionalInterface
    interface ContainerVisitor {
        /**
         * @param container the container object
         * @param path      its path, such as {@code spec.template.spec.initContainers[0]}
         * @param init      true for an init container
         */
        void visit(ObjectNode container, FieldPath path, boolean init);
    }

    /** The kinds that run pods a Service can select: a Pod, and every controller with a pod template. */
    static final String[] WORKLOADS = {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job",
        "CronJob", "ReplicationController"};

    /** A Pod or workload a Service selects, and its pod spec (null where it has none). */
    record Selected(ObjectNode object, PodSpec pod) {
    }

    /**
     * The Pods and workloads in the checked object's namespace whose pod labels (their own labels,
     * for one without a pod spec) a Service's plain selector matches, in {@link #WORKLOADS} order.
     */
    static List<Selected> selectedBy(RuleContext context, ObjectNode selector) {
        var namespace = Nodes.namespace(context.tree());
        var selected = new ArrayList<Selected>();
        for (var kind : WORKLOADS) {
            for (var doc : context.set().ofKind(kind, namespace)) {
                var pod = of(doc.tree());
                var labels = pod == null ? Nodes.obj(doc.tree(), "metadata", "labels") : pod.labels();
                if (labels != null && Selectors.mapMatches(selector, labels)) {
                    selected.add(new Selected(doc.tree(), pod));
                }
            }
        }
        return selected;
    }

    /** True if objects of this kind carry a pod spec. */
    static boolean hasPodSpec(String kind) {
        return switch (kind) {
            case "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job",
                 "CronJob", "PodTemplate" -> true;
            default -> false;
        };
    }

    /** The pod spec of this object, or null if its kind has none or it is missing. */
    static PodSpec of(ObjectNode tree) {
        var kind = Nodes.kind(tree);
        return switch (kind) {
            case "Pod" -> {
                var spec = Nodes.obj(tree, "spec");
                yield spec == null ? null : new PodSpec(spec, POD.spec(), Nodes.obj(tree, "metadata"), POD.metadata(), kind);
            }
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job" ->
                    template(Nodes.obj(tree, "spec", "template"), TEMPLATE, kind);
            case "CronJob" -> template(Nodes.obj(tree, "spec", "jobTemplate", "spec", "template"), CRON_TEMPLATE, kind);
            case "PodTemplate" -> template(Nodes.obj(tree, "template"), POD_TEMPLATE, kind);
            default -> null;
        };
    }

    private static PodSpec template(ObjectNode template, Paths paths, String kind) {
        var spec = Nodes.obj(template, "spec");
        if (spec == null) {
            return null;
        }
        return new PodSpec(spec, paths.spec(), Nodes.obj(template, "metadata"), paths.metadata(), kind);
    }

    /**
     * True if the pod runs on Windows nodes: its {@code spec.os.name} is windows, its nodeSelector
     * or every required node affinity term asks for {@code kubernetes.io/os} windows, or it runs a
     * HostProcess container (only Windows runs them). Linux-only settings such as
     * allowPrivilegeEscalation and runAsUser mean nothing there, and the API server forbids them
     * once the pod declares its OS (validateWindows).
     */
    static boolean runsOnWindows(PodSpec pod) {
        var spec = pod.spec();
        if ("windows".equals(Nodes.str(Nodes.obj(spec, "os"), "name"))) {
            return true;
        }
        var nodeSelector = Nodes.obj(spec, "nodeSelector");
        if ("windows".equals(Nodes.str(nodeSelector, "kubernetes.io/os"))
                || "windows".equals(Nodes.str(nodeSelector, "beta.kubernetes.io/os"))) {
            return true;
        }
        if (hostProcess(Nodes.obj(spec, "securityContext")) || requiresWindowsNodes(spec)) {
            return true;
        }
        boolean[] found = {false};
        forEachContainer(pod, (container, path, init) -> found[0] |= hostProcess(Nodes.obj(container, "securityContext")));
        return found[0];
    }

    private static boolean hostProcess(ObjectNode securityContext) {
        return Nodes.isTrue(Nodes.obj(securityContext, "windowsOptions"), "hostProcess");
    }

    /** True if the pod's required node affinity has terms, each of which allows only windows for kubernetes.io/os. */
    private static boolean requiresWindowsNodes(ObjectNode spec) {
        var terms = Nodes.arr(Nodes.obj(spec, "affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution"),
                "nodeSelectorTerms");
        if (terms == null || terms.isEmpty()) {
            return false;
        }
        for (var term : terms) {
            boolean windowsOnly = false;
            var expressions = Nodes.arr(term, "matchExpressions");
            for (int i = 0; expressions != null && i < expressions.size(); i++) {
                var expression = expressions.get(i);
                var values = Nodes.arr(expression, "values");
                if ("kubernetes.io/os".equals(Nodes.str(expression, "key")) && "In".equals(Nodes.str(expression, "operator"))
                        && values != null && values.size() == 1 && "windows".equals(Nodes.text(values.get(0)))) {
                    windowsOnly = true;
                }
            }
            if (!windowsOnly) {
                return false;
            }
        }
        return true;
    }

    /** Visits the init containers, then the containers, of a pod spec. */
    static void forEachContainer(PodSpec pod, ContainerVisitor visitor) {
        visit(pod, "initContainers", true, visitor);
        visit(pod, "containers", false, visitor);
    }

    /** Visits the containers of the object's pod spec, if it has one. */
    static void forEachContainer(ObjectNode tree, ContainerVisitor visitor) {
        var pod = of(tree);
        if (pod != null) {
            forEachContainer(pod, visitor);
        }
    }

    /** The pod spec of the document being checked, or null: found once per document, for every rule. */
    static PodSpec of(RuleContext context) {
        var view = context.shared(PodSpecs.class, PodSpecs::view);
        return view == null ? null : view.pod();
    }

    /** Visits the containers of the document being checked, found once per document, with their paths. */
    static void forEachContainer(RuleContext context, ContainerVisitor visitor) {
        var view = context.shared(PodSpecs.class, PodSpecs::view);
        if (view != null) {
            for (var container : view.containers()) {
                visitor.visit(container.node(), container.path(), container.init());
            }
        }
    }

    /** A document's pod spec and its containers, shared by the rules that check it. */
    private record View(PodSpec pod, List<Container> containers) {
    }

    private record Container(ObjectNode node, FieldPath path, boolean init) {
    }

    private static View view(ManifestDocument document) {
        var pod = of(document.tree());
        if (pod == null) {
            return null;
        }
        var containers = new ArrayList<Container>(2);
        forEachContainer(pod, (container, path, init) -> containers.add(new Container(container, path, init)));
        return new View(pod, containers);
    }

    private static void visit(PodSpec pod, String field, boolean init, ContainerVisitor visitor) {
        ArrayNode list = Nodes.arr(pod.spec(), field);
        if (list == null) {
            return;
        }
        var listPath = pod.path().child(field);
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            if (c instanceof ObjectNode container) {
                visitor.visit(container, listPath.index(i), init);
            }
        }
    }
}
