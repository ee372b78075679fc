package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the API server asks of the older in-tree volume sources (and of image volumes), in pods
 * and PersistentVolumes alike: the fields their plugins need are given, partitions are 0 to 255,
 * a Quobyte registry is host:port pairs, a Flocker dataset is named one way, StorageOS names are
 * DNS labels, and secrets handed to a PersistentVolume's plugin name their namespace. Most of
 * these plugins are gone from the kubelet; their fields, and the server's checks, remain.
 *
 * <p>A field the official schema requires is reported here only when it is given empty (its
 * absence is the schema layer's finding); a field the schema leaves optional is reported absent
 * or empty, as the server reads both as the empty string.
 */
final class InTreeSources {

    /** The server's pdPartitionErrorMsg, though it allows 0. */
    private static final String PARTITION_RANGE = "must be between 1 and 255, inclusive";
    private static final String QUOBYTE_REGISTRY = "must be a host:port pair or multiple pairs separated by commas";
    private static final String[] PULL_POLICIES = {"Always", "IfNotPresent", "Never"};

    private InTreeSources() {
    }

    /**
     * Checks the sources of a pod volume ({@code persistent} false) or a PersistentVolume spec
     * ({@code persistent} true); {@code pod} tells a Pod from a pod template.
     */
    static void check(RuleContext context, ObjectNode holder, FieldPath path, boolean persistent, boolean pod) {
        // validateGCEPersistentDiskVolumeSource: the server reports it under "persistentDisk"
        var gce = Nodes.obj(holder, "gcePersistentDisk");
        if (gce != null) {
            empty(context, gce, "pdName", path.child("persistentDisk"));
            partition(context, gce, path.child("persistentDisk"));
        }
        var ebs = Nodes.obj(holder, "awsElasticBlockStore");
        if (ebs != null) {
            empty(context, ebs, "volumeID", path.child("awsElasticBlockStore"));
            partition(context, ebs, path.child("awsElasticBlockStore"));
        }
        var rbd = Nodes.obj(holder, "rbd");
        if (rbd != null) {
            emptyList(context, rbd, "monitors", path.child("rbd"));
            empty(context, rbd, "image", path.child("rbd"));
        }
        var cephfs = Nodes.obj(holder, "cephfs");
        if (cephfs != null) {
            emptyList(context, cephfs, "monitors", path.child("cephfs"));
        }
        var cinder = Nodes.obj(holder, "cinder");
        if (cinder != null) {
            empty(context, cinder, "volumeID", path.child("cinder"));
            secretRef(context, Nodes.obj(cinder, "secretRef"), path.child("cinder", "secretRef"), persistent);
        }
        var quobyte = Nodes.obj(holder, "quobyte");
        if (quobyte != null) {
            quobyte(context, quobyte, path.child("quobyte"));
        }
        var glusterfs = Nodes.obj(holder, "glusterfs");
        if (glusterfs != null) {
            glusterfs(context, glusterfs, path.child("glusterfs"), persistent);
        }
        var flocker = Nodes.obj(holder, "flocker");
        if (flocker != null) {
            flocker(context, flocker, path.child("flocker"));
        }
        var azureFile = Nodes.obj(holder, "azureFile");
        if (azureFile != null) {
            var azurePath = path.child("azureFile");
            empty(context, azureFile, "secretName", azurePath);
            empty(context, azureFile, "shareName", azurePath);
            if (persistent) {
                empty(context, azureFile, "secretNamespace", azurePath);
            }
        }
        var vsphere = Nodes.obj(holder, "vsphereVolume");
        if (vsphere != null) {
            empty(context, vsphere, "volumePath", path.child("vsphereVolume"));
        }
        var photon = Nodes.obj(holder, "photonPersistentDisk");
        if (photon != null) {
            empty(context, photon, "pdID", path.child("photonPersistentDisk"));
        }
        var portworx = Nodes.obj(holder, "portworxVolume");
        if (portworx != null) {
            empty(context, portworx, "volumeID", path.child("portworxVolume"));
        }
        var scaleIO = Nodes.obj(holder, "scaleIO");
        if (scaleIO != null) {
            var scaleIOPath = path.child("scaleIO");
            empty(context, scaleIO, "gateway", scaleIOPath);
            empty(context, scaleIO, "system", scaleIOPath);
            missing(context, scaleIO, "volumeName", scaleIOPath);
        }
        var storageos = Nodes.obj(holder, "storageos");
        if (storageos != null) {
            storageos(context, storageos, path.child("storageos"), persistent);
        }
        var image = persistent ? null : Nodes.obj(holder, "image");
        if (image != null) {
            image(context, image, path.child("image"), pod);
        }
    }

    /**
     * validateImageVolumeSource: a Pod names its image (a template may leave it to whatever fills
     * it in); the pull policy, defaulted when empty, is one the kubelet knows.
     */
    private static void image(RuleContext context, ObjectNode image, FieldPath path, boolean pod) {
        if (pod) {
            missing(context, image, "reference", path);
        }
        var policy = Nodes.str(image, "pullPolicy");
        if (policy != null && !policy.isEmpty() && !Nodes.oneOf(policy, PULL_POLICIES)) {
            context.report(path.child("pullPolicy"), ErrorType.NOT_SUPPORTED, Nodes.quote(policy),
                    Nodes.supported(PULL_POLICIES));
        }
    }

    /** A GCE or EBS partition: 0 (the whole disk) to 255. */
    private static void partition(RuleContext context, ObjectNode source, FieldPath path) {
        var partition = Nodes.get(source, "partition");
        if (Nodes.isInt(partition) && (partition.longValue() < 0 || partition.longValue() > 255)) {
            context.report(path.child("partition"), ErrorType.INVALID, partition.toString(), PARTITION_RANGE);
        }
    }

    /**
     * A secret a cinder or StorageOS source hands its plugin: named, and for a PersistentVolume
     * (which has no namespace of its own) with its namespace.
     */
    private static void secretRef(RuleContext context, ObjectNode ref, FieldPath path, boolean persistent) {
        if (ref == null) {
            return;
        }
        if (isEmpty(Nodes.get(ref, "name"))) {
            context.report(path.child("name"), ErrorType.REQUIRED, "");
        }
        if (persistent && isEmpty(Nodes.get(ref, "namespace"))) {
            context.report(path.child("namespace"), ErrorType.REQUIRED, "");
        }
    }

    /** validateQuobyteVolumeSource: a registry of host:port pairs, a tenant UUID of at most 64 characters, a volume. */
    private static void quobyte(RuleContext context, ObjectNode quobyte, FieldPath path) {
        var registry = Nodes.str(quobyte, "registry");
        var tenant = Nodes.str(quobyte, "tenant");
        if (registry == null) {
            // absent: the schema layer's finding; the server reads no further into the registry
        } else if (registry.isEmpty()) {
            context.report(path.child("registry"), ErrorType.REQUIRED, QUOBYTE_REGISTRY);
        } else if (tenant != null && tenant.length() >= 65) {
            context.report(path.child("tenant"), ErrorType.REQUIRED,
                    "must be a UUID and may not exceed a length of 64 characters");
        } else {
            // one finding per malformed pair, as the server reports them
            for (var pair : registry.split(",", -1)) {
                if (!isHostPort(pair)) {
                    context.report(path.child("registry"), ErrorType.INVALID, Nodes.quote(registry), QUOBYTE_REGISTRY);
                }
            }
        }
        empty(context, quobyte, "volume", path);
    }

    /**
     * Whether Go's {@code net.SplitHostPort} takes the text: a host and a port after its last
     * colon (the port may be empty), the host bracketed if it has colons of its own.
     */
    static boolean isHostPort(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        int from = 0;
        int to = 0;
        if (value.charAt(0) == '[') {
            int end = value.indexOf(']');
            if (end < 0 || end + 1 != colon) {
                return false;
            }
            from = 1;
            to = end + 1;
        } else if (value.substring(0, colon).indexOf(':') >= 0) {
            return false;
        }
        return value.indexOf('[', from) < 0 && value.indexOf(']', to) < 0;
    }

    /** validateGlusterfs(Persistent)VolumeSource: endpoints and path; a PersistentVolume's endpointsNamespace, if set, a namespace name. */
    private static void glusterfs(RuleContext context, ObjectNode glusterfs, FieldPath path, boolean persistent) {
        empty(context, glusterfs, "endpoints", path);
        empty(context, glusterfs, "path", path);
        var namespace = persistent ? Nodes.str(glusterfs, "endpointsNamespace") : null;
        if (namespace == null) {
            return;
        }
        if (namespace.isEmpty()) {
            context.report(path.child("endpointsNamespace"), ErrorType.INVALID, "\"\"",
                    "if the endpointnamespace is set, it must be a valid namespace name");
            return;
        }
        for (var msg : Names.dns1123Label(namespace)) {
            context.report(path.child("endpointsNamespace"), ErrorType.INVALID, Nodes.quote(namespace), msg);
        }
    }

    /** validateFlockerVolumeSource: a dataset by name (without '/') or by UUID, not both. */
    private static void flocker(RuleContext context, ObjectNode flocker, FieldPath path) {
        var name = Nodes.str(flocker, "datasetName");
        boolean byName = name != null && !name.isEmpty();
        boolean byUuid = !isEmpty(Nodes.get(flocker, "datasetUUID"));
        if (!byName && !byUuid) {
            context.report(path, ErrorType.REQUIRED, "one of datasetName and datasetUUID is required");
        }
        if (byName && byUuid) {
            context.report(path, ErrorType.INVALID, "\"resource\"",
                    "datasetName and datasetUUID can not be specified simultaneously");
        }
        if (byName && name.contains("/")) {
            context.report(path.child("datasetName"), ErrorType.INVALID, Nodes.quote(name), "must not contain '/'");
        }
    }

    /** validateStorageOS(Persistent)VolumeSource: a volume and namespace named as DNS labels, a named secret. */
    private static void storageos(RuleContext context, ObjectNode storageos, FieldPath path, boolean persistent) {
        var volumeName = Nodes.str(storageos, "volumeName");
        if (volumeName == null || volumeName.isEmpty()) {
            context.report(path.child("volumeName"), ErrorType.REQUIRED, "");
        } else {
            for (var msg : Names.dns1123Label(volumeName)) {
                context.report(path.child("volumeName"), ErrorType.INVALID, Nodes.quote(volumeName), msg);
            }
        }
        var namespace = Nodes.str(storageos, "volumeNamespace");
        if (namespace != null && !namespace.isEmpty()) {
            for (var msg : Names.dns1123Label(namespace)) {
                context.report(path.child("volumeNamespace"), ErrorType.INVALID, Nodes.quote(namespace), msg);
            }
        }
        secretRef(context, Nodes.obj(storageos, "secretRef"), path.child("secretRef"), persistent);
    }

    /** Reports a field given as the empty string (absent is the schema layer's finding, or allowed). */
    private static void empty(RuleContext context, ObjectNode holder, String field, FieldPath holderPath) {
        var value = holder.get(field);
        if (value != null && value.isString() && value.asString().isEmpty()) {
            context.report(holderPath.child(field), ErrorType.REQUIRED, "");
        }
    }

    /** Reports a list the schema requires when it is given empty. */
    private static void emptyList(RuleContext context, ObjectNode holder, String field, FieldPath holderPath) {
        var value = holder.get(field);
        if (value != null && value.isArray() && value.isEmpty()) {
            context.report(holderPath.child(field), ErrorType.REQUIRED, "");
        }
    }

    /** Reports an optional field the server nevertheless needs, when absent or empty. */
    private static void missing(RuleContext context, ObjectNode holder, String field, FieldPath holderPath) {
        if (isEmpty(holder.get(field))) {
            context.report(holderPath.child(field), ErrorType.REQUIRED, "");
        }
    }

    /** Absent, null or the empty string: what the server reads as an empty string. */
    private static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isString() && value.asString().isEmpty();
    }
}
