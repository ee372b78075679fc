package dev.manifestkit.validation.rules;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A PersistentVolume has exactly one volume source, a pod volume at most one (none makes it an
 * emptyDir); a local PersistentVolume also says which nodes hold it, since its path exists on
 * those nodes only.
 */
final class VolumeSourceRule extends BaseRule {

    private static final String[] POD_SOURCES = {"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder",
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "fc", "flexVolume", "flocker",
        "gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "image", "iscsi", "nfs", "persistentVolumeClaim",
        "photonPersistentDisk", "portworxVolume", "projected", "quobyte", "rbd", "scaleIO", "secret", "storageos",
        "vsphereVolume"};

    private static final String[] PV_SOURCES = {"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder",
        "csi", "fc", "flexVolume", "flocker", "gcePersistentDisk", "glusterfs", "hostPath", "iscsi", "local", "nfs",
        "photonPersistentDisk", "portworxVolume", "quobyte", "rbd", "scaleIO", "storageos", "vsphereVolume"};

    private static final String[] PROJECTED_SOURCES = {"secret", "configMap", "downwardAPI", "serviceAccountToken",
        "clusterTrustBundle", "podCertificate"};
    private static final String[] CSI_SECRETS = {"controllerPublishSecretRef", "controllerExpandSecretRef",
        "nodePublishSecretRef", "nodeStageSecretRef", "nodeExpandSecretRef"};
    private static final int MAX_DRIVER_NAME = 63;

    /**
     * The ObjectMeta fields in the order the API server reports them, with the name it gives each
     * (its Go field's, first letter lowered: {@code uid} is {@code uID}); of these a claim
     * template may set only labels and annotations.
     */
    private static final String[][] TEMPLATE_META_FIELDS = {{"name", "name"}, {"generateName", "generateName"},
        {"namespace", "namespace"}, {"selfLink", "selfLink"}, {"uid", "uID"}, {"resourceVersion", "resourceVersion"},
        {"generation", "generation"}, {"creationTimestamp", "creationTimestamp"},
        {"deletionTimestamp", "deletionTimestamp"}, {"deletionGracePeriodSeconds", "deletionGracePeriodSeconds"},
        {"ownerReferences", "ownerReferences"}, {"finalizers", "finalizers"}, {"managedFields", "managedFields"}};

    VolumeSourceRule() {
        super("api/one-volume-source", Layer.API, Severity.ERROR,
                "Each PersistentVolume specifies exactly one volume source (nfs, hostPath, csi, …) and each pod "
                        + "volume at most one (none means emptyDir, as the API server defaults it), and a secret, configMap or persistentVolumeClaim volume names its "
                        + "object and item keys; an ephemeral volume has a volumeClaimTemplate whose metadata sets only labels and "
                        + "annotations, and in a Pod its claim's name (<pod>-<volume>) is valid and no "
                        + "persistentVolumeClaim volume names it; a csi volume names a "
                        + "driver (a DNS subdomain of at most 63 characters), a PersistentVolume's also its volumeHandle "
                        + "and each secret's name and namespace; a local PersistentVolume has required node affinity.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (Nodes.kind(tree).equals("PersistentVolume")) {
            var spec = Nodes.obj(tree, "spec");
            if (spec != null) {
                check(context, spec, FieldPath.root("spec"), PV_SOURCES, true);
                persistentCsi(context, Nodes.obj(spec, "csi"), FieldPath.root("spec").child("csi"));
                var nodeAffinity = Nodes.get(spec, "nodeAffinity");
                boolean hasAffinity = nodeAffinity != null && !nodeAffinity.isNull();
                if (hasAffinity && Nodes.obj(nodeAffinity, "required") == null) {
                    context.report(FieldPath.root("spec").child("nodeAffinity", "required"), ErrorType.REQUIRED,
                            "must specify required node constraints");
                } else if (!hasAffinity && Nodes.obj(spec, "local") != null) {
                    context.report(FieldPath.root("spec").child("nodeAffinity"), ErrorType.REQUIRED,
                            "Local volume requires node affinity");
                }
            }
            return;
        }
        var pod = PodSpecs.of(context);
        if (pod != null) {
            Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
                check(context, volume, path, POD_SOURCES, false);
                named(context, volume, path);
            });
            if (!pod.isTemplate()) {
                createdClaims(context, pod);
            }
        }
    }

    /**
     * {@code ValidateTemplateObjectMeta}: an ephemeral volume's claim template names no claim
     * (the claim is named after the pod and the volume) and sets no other metadata but labels
     * and annotations. Empty values count as unset.
     */
    private static void templateMetadata(RuleContext context, ObjectNode metadata, FieldPath path) {
        if (metadata == null) {
            return;
        }
        for (var field : TEMPLATE_META_FIELDS) {
            var value = metadata.get(field[0]);
            boolean set = value != null && !value.isNull()
                    && !(value.isString() && value.asString().isEmpty())
                    && !(value.isContainer() && value.isEmpty())
                    && !(field[0].equals("generation") && value.isNumber() && value.asLong() == 0);
            if (set) {
                context.report(path.child(field[1]), ErrorType.FORBIDDEN, "cannot be set");
            }
        }
    }

    /**
     * A Pod's ephemeral volumes each get a claim named {@code <pod name>-<volume name>}, which
     * must be a valid name, and which no persistentVolumeClaim volume of the same pod may
     * reference ({@code ValidateVolumes}). Unknown in templates, and for a Pod whose name is still
     * to be generated (such a name is too short to matter).
     */
    private static void createdClaims(RuleContext context, PodSpecs.PodSpec pod) {
        var podName = Nodes.str(pod.metadata(), "name");
        var volumes = Nodes.arr(pod.spec(), "volumes");
        if (podName == null || podName.isEmpty() || volumes == null || !hasEphemeral(volumes)) {
            return;
        }
        var volumesPath = pod.path().child("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            var volume = volumes.get(i);
            var volumeName = Nodes.str(volume, "name");
            var ephemeral = Nodes.get(volume, "ephemeral");
            if (ephemeral != null && !ephemeral.isNull() && volumeName != null && !volumeName.isEmpty()) {
                var claimName = podName + "-" + volumeName;
                for (var msg : Names.dns1123Subdomain(claimName)) {
                    context.report(volumesPath.index(i).child("name"), ErrorType.INVALID, Nodes.quote(volumeName),
                            "PVC name " + Nodes.quote(claimName) + ": " + msg);
                }
            }
            var claimName = Nodes.str(Nodes.obj(volume, "persistentVolumeClaim"), "claimName");
            if (claimName != null && claimName.startsWith(podName + "-")
                    && isEphemeral(volumes, claimName.substring(podName.length() + 1))) {
                context.report(volumesPath.index(i).child("persistentVolumeClaim", "claimName"), ErrorType.INVALID,
                        Nodes.quote(claimName), "must not reference a PVC that gets created for an ephemeral volume");
            }
        }
    }

    private static boolean hasEphemeral(ArrayNode volumes) {
        for (var volume : volumes) {
            var ephemeral = Nodes.get(volume, "ephemeral");
            if (ephemeral != null && !ephemeral.isNull()) {
                return true;
            }
        }
        return false;
    }

    /** True if the volume of this name is an ephemeral one. */
    private static boolean isEphemeral(ArrayNode volumes, String volumeName) {
        for (var volume : volumes) {
            var ephemeral = Nodes.get(volume, "ephemeral");
            if (volumeName.equals(Nodes.str(volume, "name")) && ephemeral != null && !ephemeral.isNull()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A secret, configMap or claim volume names its object, and each item its key; a csi volume
     * its driver (and secret); an ephemeral volume has its claim template.
     */
    private static void named(RuleContext context, ObjectNode volume, FieldPath path) {
        required(context, Nodes.obj(volume, "secret"), "secretName", path.child("secret"));
        required(context, Nodes.obj(volume, "configMap"), "name", path.child("configMap"));
        required(context, Nodes.obj(volume, "persistentVolumeClaim"), "claimName", path.child("persistentVolumeClaim"));
        var csi = Nodes.obj(volume, "csi");
        if (csi != null) {
            driver(context, csi, path.child("csi"));
            var secret = Nodes.obj(csi, "nodePublishSecretRef");
            if (secret != null) {
                name(context, secret, "name", path.child("csi", "nodePublishSecretRef"), Names::dns1123Subdomain);
            }
        }
        var ephemeral = Nodes.obj(volume, "ephemeral");
        if (ephemeral != null && Nodes.obj(ephemeral, "volumeClaimTemplate") == null) {
            // its spec is checked as a claim's: Quantities.forEachClaimSpec
            context.report(path.child("ephemeral", "volumeClaimTemplate"), ErrorType.REQUIRED, "");
        } else if (ephemeral != null) {
            templateMetadata(context, Nodes.obj(ephemeral, "volumeClaimTemplate", "metadata"),
                    path.child("ephemeral", "volumeClaimTemplate", "metadata"));
        }
        Nodes.forEachObject(Nodes.obj(volume, "projected"), "sources", path.child("projected"), (source, sourcePath, i) -> {
            int kinds = 0;
            for (var kind : PROJECTED_SOURCES) {
                kinds += Nodes.has(source, kind) ? 1 : 0;
            }
            if (kinds > 1) {
                context.report(sourcePath, ErrorType.FORBIDDEN, "may not specify more than 1 volume type per source");
            }
            required(context, Nodes.obj(source, "secret"), "name", sourcePath.child("secret"));
            required(context, Nodes.obj(source, "configMap"), "name", sourcePath.child("configMap"));
        });
    }

    /** A CSI PersistentVolume names its driver and volume, and each secret it hands the driver. */
    private static void persistentCsi(RuleContext context, ObjectNode csi, FieldPath path) {
        if (csi == null) {
            return;
        }
        driver(context, csi, path);
        var handle = Nodes.str(csi, "volumeHandle");
        if (handle == null || handle.isEmpty()) {
            context.report(path.child("volumeHandle"), ErrorType.REQUIRED, "");
        }
        for (var field : CSI_SECRETS) {
            var secret = Nodes.obj(csi, field);
            if (secret == null) {
                continue;
            }
            name(context, secret, "name", path.child(field), Names::dns1123Subdomain);
            name(context, secret, "namespace", path.child(field), Names::dns1123Label);
        }
    }

    /** A name the holder must give (absent or empty is Required), in the syntax {@code rule} checks. */
    private static void name(RuleContext context, ObjectNode holder, String field, FieldPath holderPath,
            Function<String, List<String>> rule) {
        var name = Nodes.str(holder, field);
        if (name == null || name.isEmpty()) {
            context.report(holderPath.child(field), ErrorType.REQUIRED, "");
            return;
        }
        for (var msg : rule.apply(name)) {
            context.report(holderPath.child(field), ErrorType.INVALID, Nodes.quote(name), msg);
        }
    }

    /** A CSI driver name: at most 63 characters, a DNS subdomain in any case ({@code ValidateCSIDriverName}). */
    private static void driver(RuleContext context, ObjectNode csi, FieldPath path) {
        var driver = Nodes.str(csi, "driver");
        if (driver == null) {
            return; // required by the schema
        }
        if (driver.isEmpty()) {
            context.report(path.child("driver"), ErrorType.REQUIRED, "");
        }
        if (driver.length() > MAX_DRIVER_NAME) {
            context.report(path.child("driver"), ErrorType.TOO_LONG, "must have at most " + MAX_DRIVER_NAME + " bytes");
        }
        for (var msg : Names.dns1123Subdomain(driver.toLowerCase(Locale.ROOT))) {
            context.report(path.child("driver"), ErrorType.INVALID, Nodes.quote(driver), msg);
        }
    }

    /** Reports the field when it is absent or empty, as the API server reads both: the empty string. */
    private static void required(RuleContext context, ObjectNode holder, String field, FieldPath path) {
        if (holder == null) {
            return;
        }
        var value = Nodes.has(holder, field) ? holder.get(field) : null;
        // claimName is required in the schema, which reports it absent; the others may be left out there
        boolean absent = value == null && !field.equals("claimName");
        if (absent || value != null && value.isString() && value.asString().isEmpty()) {
            context.report(path.child(field), ErrorType.REQUIRED, "");
        }
        Nodes.forEachObject(holder, "items", path, (item, itemPath, i) -> {
            var key = item.get("key");
            if (key != null && key.isString() && key.asString().isEmpty()) {
                context.report(itemPath.child("key"), ErrorType.REQUIRED, "");
            }
        });
    }

    /**
     * At most one source, and for a PersistentVolume at least one. A pod volume without any (or
     * with only nulls) is not an error: the API server defaults it to an emptyDir.
     */
    private static void check(RuleContext context, ObjectNode holder, FieldPath path, String[] sources,
            boolean required) {
        int found = 0;
        for (var source : sources) {
            var value = holder.get(source);
            if (value != null && !value.isNull()) {
                found++;
                if (found > 1) {
                    context.report(path.child(source), ErrorType.FORBIDDEN, "may not specify more than 1 volume type");
                }
            }
        }
        if (found == 0 && required) {
            context.report(path, ErrorType.REQUIRED, "must specify a volume type");
        }
    }
}
