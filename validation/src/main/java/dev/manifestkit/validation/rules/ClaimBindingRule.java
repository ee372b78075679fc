package dev.manifestkit.validation.rules;

import java.util.ArrayList;
import java.util.List;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A PersistentVolumeClaim can be satisfied: the volume it names (volumeName) can bind it, or some
 * PersistentVolume of the set can, or it names a StorageClass that provisions one. A claim with
 * no class relies on the cluster's default StorageClass, the usual way to get a volume; it is
 * reported only when the set offers class-less PersistentVolumes that it might have been meant for
 * and none of them can bind it.
 */
final class ClaimBindingRule extends BaseRule {

    private static final FieldPath SPEC = FieldPath.root("spec");

    ClaimBindingRule() {
        super("ref/claim-binding", Layer.REFERENCES, Severity.WARNING,
                "A PersistentVolumeClaim can bind: its volumeName names a compatible PersistentVolume, or a "
                        + "PersistentVolume of the set matches its class, capacity, access modes and volume mode, or it "
                        + "names a StorageClass, or it names none and relies on the cluster's default StorageClass "
                        + "(reported only when the set has class-less PersistentVolumes and none can bind it).");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (!Nodes.kind(tree).equals("PersistentVolumeClaim")) {
            return;
        }
        var spec = Nodes.obj(tree, "spec");
        if (spec == null) {
            return;
        }
        var volumeName = Nodes.str(spec, "volumeName");
        if (volumeName != null && !volumeName.isEmpty()) {
            var volume = context.set().find("PersistentVolume", null, volumeName);
            if (volume.isEmpty()) {
                context.report(SPEC.child("volumeName"), ErrorType.NOT_FOUND, Nodes.quote(volumeName),
                        "no PersistentVolume of that name in this set; it must exist in the cluster");
                return;
            }
            var reasons = mismatches(tree, spec, volume.get().tree());
            if (!reasons.isEmpty()) {
                context.report(SPEC.child("volumeName"), ErrorType.INVALID, Nodes.quote(volumeName),
                        "PersistentVolume " + Nodes.quote(volumeName) + " cannot bind this claim: "
                                + String.join("; ", reasons));
            }
            return;
        }
        if (Nodes.has(spec, "storageClassName") && !"".equals(Nodes.str(spec, "storageClassName"))) {
            return; // provisioned by its class (ref/storage-class checks the class)
        }
        boolean classlessVolumes = false;
        for (var doc : context.set().ofKind("PersistentVolume")) {
            if (mismatches(tree, spec, doc.tree()).isEmpty()) {
                return;
            }
            classlessVolumes |= classOf(Nodes.obj(doc.tree(), "spec")).isEmpty();
        }
        if (Nodes.has(spec, "storageClassName")) {
            context.report(SPEC.child("storageClassName"), ErrorType.NOT_FOUND, "\"\"",
                    "no PersistentVolume in this set can bind this claim and storageClassName \"\" turns off dynamic "
                            + "provisioning: the claim stays Pending unless a matching volume exists in the cluster");
        } else if (classlessVolumes) {
            context.report(SPEC.child("storageClassName"), ErrorType.NOT_FOUND, null,
                    "no PersistentVolume in this set can bind this claim and it names no StorageClass: it relies on "
                            + "the cluster's default StorageClass");
        }
    }

    /** Why a volume cannot bind the claim (empty if it can). */
    static List<String> mismatches(ObjectNode claim, ObjectNode claimSpec, ObjectNode volume) {
        var reasons = new ArrayList<String>(2);
        var volumeSpec = Nodes.obj(volume, "spec");
        if (volumeSpec == null) {
            reasons.add("it has no spec");
            return reasons;
        }
        var wantedClass = classOf(claimSpec);
        var offeredClass = classOf(volumeSpec);
        if (!wantedClass.equals(offeredClass)) {
            reasons.add("its storageClassName is " + Nodes.quote(offeredClass) + ", the claim's is "
                    + Nodes.quote(wantedClass));
        }
        JsonNode requested = Nodes.get(Nodes.obj(claimSpec, "resources", "requests"), "storage");
        JsonNode capacity = Nodes.get(Nodes.obj(volumeSpec, "capacity"), "storage");
        var want = Quantities.of(requested);
        var have = Quantities.of(capacity);
        if (want != null && have != null && have.compareTo(want) < 0) {
            reasons.add("its capacity " + Nodes.text(capacity) + " is less than the requested " + Nodes.text(requested));
        }
        var offeredModes = Nodes.arr(volumeSpec, "accessModes");
        var wantedModes = Nodes.arr(claimSpec, "accessModes");
        if (wantedModes != null) {
            for (var mode : wantedModes) {
                if (offeredModes == null || !contains(offeredModes, mode)) {
                    reasons.add("it does not offer access mode " + Nodes.show(mode));
                }
            }
        }
        var wantedMode = Nodes.str(claimSpec, "volumeMode");
        var offeredMode = Nodes.str(volumeSpec, "volumeMode");
        if (!(wantedMode == null ? "Filesystem" : wantedMode).equals(offeredMode == null ? "Filesystem" : offeredMode)) {
            reasons.add("its volumeMode differs");
        }
        var claimRef = Nodes.obj(volumeSpec, "claimRef");
        var refName = Nodes.str(claimRef, "name");
        if (refName != null && !refName.equals(Nodes.name(claim))) {
            reasons.add("it is reserved for claim " + Nodes.quote(refName));
        }
        var selector = Nodes.obj(claimSpec, "selector");
        if (selector != null && !Selectors.matches(selector, Nodes.obj(volume, "metadata", "labels"))) {
            reasons.add("its labels do not match the claim's selector");
        }
        return reasons;
    }

    private static String classOf(ObjectNode spec) {
        var name = Nodes.str(spec, "storageClassName");
        return name == null ? "" : name;
    }


    private static boolean contains(JsonNode list, JsonNode value) {
        for (var element : list) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
