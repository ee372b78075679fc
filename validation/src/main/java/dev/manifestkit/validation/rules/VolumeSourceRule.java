package dev.manifestkit.validation.rules;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A PersistentVolume has exactly one volume source, a pod volume at most one (none makes it an
 * emptyDir); a local PersistentVolume also says which nodes hold it, since its path exists on
 * those nodes only. The in-tree sources say what their plugins need to attach the volume: a
 * gitRepo its repository and a directory inside the volume, iSCSI a portal and a well-formed
 * IQN, fibre channel its target WWNs or WWIDs, an Azure disk its name, a URI of its kind and a
 * known caching mode; flexVolume options stay out of Kubernetes' own namespaces; the older
 * in-tree sources and image volumes are checked by {@link InTreeSources}. Only the volume
 * types that mount with options take the deprecated mount-options annotation.
 */
final class VolumeSourceRule extends BaseRule {

    private static final String[] POD_SOURCES = {"awsElasticBlockStore", "azureDisk", "azureFile", "cephfs", "cinder",
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "fc", "flexVolume", "flocker",
        "gcePersistentDisk", "gitRepo", "glusterfs", "hostPath", "image", "iscsi", "nfs", "persistentVolumeClaim",
        "photonPersistentDisk", "portworxVolume", "projected", "quobyte", "rbd", "scaleIO", "secret", "storageos",
        "vsphereVolume"};

    /**
     * In the order ValidatePersistentVolumeSpec takes them: flexVolume is counted without being
     * checked against the sources before it, so it may follow one of them (hostPath and
     * flexVolume pass), never precede one.
     */
    private static final String[] PV_SOURCES = {"hostPath", "gcePersistentDisk", "awsElasticBlockStore", "glusterfs",
        "flocker", "nfs", "rbd", "quobyte", "cephfs", "iscsi", "cinder", "fc", "flexVolume", "azureFile",
        "vsphereVolume", "photonPersistentDisk", "portworxVolume", "azureDisk", "scaleIO", "local", "storageos", "csi"};
    /** The source the server counts without checking that it is the only one. */
    private static final String UNCHECKED_PV_SOURCE = "flexVolume";

    private static final String[] PROJECTED_SOURCES = {"secret", "configMap", "downwardAPI", "serviceAccountToken",
        "clusterTrustBundle", "podCertificate"};
    private static final String[] CSI_SECRETS = {"controllerPublishSecretRef", "controllerExpandSecretRef",
        "nodePublishSecretRef", "nodeStageSecretRef", "nodeExpandSecretRef"};
    private static final int MAX_DRIVER_NAME = 63;

    // the server's iscsiInitiator*Regex; the IQN one is not anchored at the start
    private static final Pattern IQN = Pattern.compile("iqn\\.\\d{4}-\\d{2}\\.([\\p{Alnum}\\-.]+)(:[^,;*&$|\\t\\n\\f\\r ]+)\\z");
    private static final Pattern EUI = Pattern.compile("eui[^\\n]\\p{Alnum}{16}");
    private static final Pattern NAA = Pattern.compile("naa[^\\n]\\p{Alnum}{32}");
    private static final String LUN_RANGE = "must be between 0 and 255, inclusive";
    private static final String[] CACHING_MODES = {"None", "ReadOnly", "ReadWrite"};
    private static final String[] DISK_KINDS = {"Dedicated", "Managed", "Shared"};
    private static final String MOUNT_OPTIONS = "volume.beta.kubernetes.io/mount-options";
    /** PersistentVolume sources that take mount options, as checkMountOption lists them. */
    private static final String[] MOUNT_OPTION_SOURCES = {"gcePersistentDisk", "awsElasticBlockStore", "glusterfs",
        "nfs", "rbd", "quobyte", "iscsi", "cinder", "cephfs", "azureFile", "vsphereVolume", "azureDisk",
        "photonPersistentDisk"};
    /**
     * Sources the server's list has held in some versions and not in others (csi in none seen, but
     * it mounts with options): no finding for them either way.
     */
    private static final String[] MOUNT_OPTION_SOURCES_UNSURE = {"flocker", "scaleIO", "fc", "portworxVolume", "csi"};
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
                        + "and each secret's name and namespace; a local PersistentVolume has required node affinity; "
                        + "a gitRepo names its repository and a relative directory without '..'; an iscsi source its "
                        + "targetPortal and an iqn (and initiatorName) in iqn, eui or naa format, a lun from 0 to 255 "
                        + "and a secretRef with CHAP; an fc source targetWWNs (with a lun) or wwids; an azureDisk its "
                        + "diskName, a supported cachingMode and kind and a diskURI of that kind; flexVolume options "
                        + "are outside kubernetes.io and k8s.io; the other in-tree sources give the fields their plugins "
                        + "need (gcePersistentDisk and awsElasticBlockStore a partition from 0 to 255, rbd and cephfs "
                        + "monitors, quobyte a registry of host:port pairs and a tenant of at most 64 characters, flocker "
                        + "one of datasetName (without '/') and datasetUUID, storageos a volumeName and volumeNamespace "
                        + "that are DNS labels, scaleIO a volumeName, a PersistentVolume's cinder and storageos secrets "
                        + "a namespace, …); an image volume has a supported pullPolicy and, in a Pod, a reference; "
                        + "a PersistentVolume's flexVolume passes after another source, as in the API server; only "
                        + "PersistentVolume types that take mount options "
                        + "carry the volume.beta.kubernetes.io/mount-options annotation.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (Nodes.kind(tree).equals("PersistentVolume")) {
            var spec = Nodes.obj(tree, "spec");
            if (spec != null) {
                check(context, spec, FieldPath.root("spec"), PV_SOURCES, true);
                persistentCsi(context, Nodes.obj(spec, "csi"), FieldPath.root("spec").child("csi"));
                inTree(context, spec, FieldPath.root("spec"), Nodes.name(tree), true);
                InTreeSources.check(context, spec, FieldPath.root("spec"), true, false);
                mountOptions(context, tree, spec);
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
                inTree(context, volume, path, Nodes.str(volume, "name"), false);
                InTreeSources.check(context, volume, path, false, !pod.isTemplate());
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
                    && !(field[0].equals("generation") && Nodes.isInt(value) && value.longValue() == 0);
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
            if (Nodes.has(volume, "ephemeral") && volumeName != null && !volumeName.isEmpty()) {
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
            if (Nodes.has(volume, "ephemeral")) {
                return true;
            }
        }
        return false;
    }

    /** True if the volume of this name is an ephemeral one. */
    private static boolean isEphemeral(ArrayNode volumes, String volumeName) {
        for (var volume : volumes) {
            if (volumeName.equals(Nodes.str(volume, "name")) && Nodes.has(volume, "ephemeral")) {
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

    /**
     * The in-tree sources' own fields: gitRepo (pods only), iscsi, fc, azureDisk and flexVolume,
     * as validateGitRepoVolumeSource, validateISCSIVolumeSource (validateISCSIPersistentVolumeSource),
     * validateFCVolumeSource, validateAzureDisk and validateFlexVolumeSource check them. A field the
     * schema requires is reported here only when it is given empty.
     */
    private static void inTree(RuleContext context, ObjectNode holder, FieldPath path, String name, boolean persistent) {
        if (!persistent) {
            var gitRepo = Nodes.obj(holder, "gitRepo");
            if (gitRepo != null) {
                var gitPath = path.child("gitRepo");
                empty(context, gitRepo, "repository", gitPath);
                var directory = Nodes.str(gitRepo, "directory");
                if (directory != null) {
                    VolumePathsRule.localDescendingPath(context, directory, gitPath.child("directory"));
                }
            }
        }
        var iscsi = Nodes.obj(holder, "iscsi");
        if (iscsi != null) {
            iscsi(context, iscsi, path, name, persistent);
        }
        var fc = Nodes.obj(holder, "fc");
        if (fc != null) {
            fc(context, fc, path.child("fc"));
        }
        var azureDisk = Nodes.obj(holder, "azureDisk");
        if (azureDisk != null) {
            azureDisk(context, azureDisk, path.child("azureDisk"));
        }
        var flex = Nodes.obj(holder, "flexVolume");
        if (flex != null) {
            var flexPath = path.child("flexVolume");
            empty(context, flex, "driver", flexPath);
            var options = Nodes.obj(flex, "options");
            if (options != null) {
                for (var key : options.propertyNames()) {
                    int slash = key.indexOf('/');
                    var namespace = "." + (slash < 0 ? key : key.substring(0, slash)).toLowerCase(Locale.ROOT);
                    if (namespace.endsWith(".kubernetes.io") || namespace.endsWith(".k8s.io")) {
                        context.report(flexPath.child("options").key(key), ErrorType.INVALID, Nodes.quote(key),
                                "kubernetes.io and k8s.io namespaces are reserved");
                    }
                }
            }
        }
    }

    /** An iSCSI source: its portal, an IQN (or EUI, NAA) name, a LUN from 0 to 255, CHAP secrets. */
    private static void iscsi(RuleContext context, ObjectNode iscsi, FieldPath holderPath, String name,
            boolean persistent) {
        var path = holderPath.child("iscsi");
        empty(context, iscsi, "targetPortal", path);
        // a pod volume's wording names the prefixes, a PersistentVolume's does not
        var prefixes = persistent ? "must be valid format" : "must be valid format starting with iqn, eui, or naa";
        var iqn = Nodes.str(iscsi, "iqn");
        if (iqn != null) {
            if (iqn.isEmpty()) {
                context.report(path.child("iqn"), ErrorType.REQUIRED, "");
            } else if (!iscsiName(iqn)) {
                var detail = iqn.startsWith("iqn") || iqn.startsWith("eui") || iqn.startsWith("naa")
                        ? "must be valid format" : prefixes;
                context.report(path.child("iqn"), ErrorType.INVALID, Nodes.quote(iqn), detail);
            }
        }
        var lun = Nodes.get(iscsi, "lun");
        if (lun != null && lun.isNumber() && (lun.doubleValue() < 0 || lun.doubleValue() > 255)) {
            context.report(path.child("lun"), ErrorType.INVALID, Nodes.show(lun), LUN_RANGE);
        }
        var secretRef = Nodes.get(iscsi, "secretRef");
        boolean secret = secretRef != null && !secretRef.isNull();
        if ((Nodes.isTrue(iscsi, "chapAuthDiscovery") || Nodes.isTrue(iscsi, "chapAuthSession")) && !secret) {
            context.report(path.child("secretRef"), ErrorType.REQUIRED, "");
        }
        if (persistent && secretRef instanceof ObjectNode ref) {
            var secretName = Nodes.str(ref, "name");
            if (secretName == null || secretName.isEmpty()) {
                context.report(path.child("secretRef", "name"), ErrorType.REQUIRED, "");
            }
        }
        var initiator = Nodes.str(iscsi, "initiatorName");
        if (initiator == null) {
            return;
        }
        if (!iscsiName(initiator)) {
            var detail = initiator.startsWith("iqn") || initiator.startsWith("eui") || initiator.startsWith("naa")
                    ? "must be valid format" : prefixes;
            context.report(path.child("initiatorname"), ErrorType.INVALID, Nodes.quote(initiator), detail);
        }
        // with an initiator name, "<volume>:<portal>" names the iface and stays within 64 bytes
        var portal = Nodes.str(iscsi, "targetPortal");
        if (portal == null) {
            portal = "";
        }
        var volume = name == null ? "" : name;
        if (volume.length() + 1 + portal.length() > 64) {
            var tooLong = "Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if "
                    + "iscsi.initiatorName is specified.";
            if (persistent) {
                context.report(path.child("targetportal"), ErrorType.INVALID, Nodes.quote(portal), tooLong);
            } else {
                context.report(holderPath.child("name"), ErrorType.INVALID, Nodes.quote(volume), tooLong);
            }
        }
    }

    /** True if an iSCSI name is in IQN, EUI or NAA format (one of the three prefixes to begin with). */
    private static boolean iscsiName(String value) {
        if (value.startsWith("iqn")) {
            return IQN.matcher(value).find();
        }
        if (value.startsWith("eui")) {
            return EUI.matcher(value).matches();
        }
        return value.startsWith("naa") && NAA.matcher(value).matches();
    }

    /** Fibre channel: target WWNs (with a LUN from 0 to 255) or WWIDs, exactly one of the two. */
    private static void fc(RuleContext context, ObjectNode fc, FieldPath path) {
        var wwns = Nodes.arr(fc, "targetWWNs");
        var wwids = Nodes.arr(fc, "wwids");
        boolean hasWwns = wwns != null && !wwns.isEmpty();
        boolean hasWwids = wwids != null && !wwids.isEmpty();
        if (!hasWwns && !hasWwids) {
            context.report(path.child("targetWWNs"), ErrorType.REQUIRED,
                    "must specify either targetWWNs or wwids, but not both");
        }
        if (hasWwns && hasWwids) {
            context.report(path.child("targetWWNs"), ErrorType.INVALID, Nodes.show(wwns),
                    "targetWWNs and wwids can not be specified simultaneously");
        }
        if (hasWwns) {
            var lun = Nodes.get(fc, "lun");
            if (lun == null || lun.isNull()) {
                context.report(path.child("lun"), ErrorType.REQUIRED, "lun is required if targetWWNs is specified");
            } else if (lun.isNumber() && (lun.doubleValue() < 0 || lun.doubleValue() > 255)) {
                context.report(path.child("lun"), ErrorType.INVALID, Nodes.show(lun), LUN_RANGE);
            }
        }
    }

    /**
     * An Azure disk: name and URI given, a known caching mode (ReadWrite when unset) and kind
     * (Shared when unset), and a URI of that kind: a managed disk's an ARM resource ID, a blob
     * disk's an https URL.
     */
    private static void azureDisk(RuleContext context, ObjectNode disk, FieldPath path) {
        empty(context, disk, "diskName", path);
        empty(context, disk, "diskURI", path);
        var caching = Nodes.get(disk, "cachingMode");
        if (caching != null && caching.isString() && !Nodes.oneOf(caching.asString(), CACHING_MODES)) {
            context.report(path.child("cachingMode"), ErrorType.NOT_SUPPORTED, Nodes.quote(caching.asString()),
                    Nodes.supported(CACHING_MODES));
        }
        var kindNode = Nodes.get(disk, "kind");
        if (kindNode != null && !kindNode.isNull() && !kindNode.isString()) {
            return; // the schema's finding
        }
        var kind = kindNode == null || kindNode.isNull() ? "Shared" : kindNode.asString();
        if (!Nodes.oneOf(kind, DISK_KINDS)) {
            context.report(path.child("kind"), ErrorType.NOT_SUPPORTED, Nodes.quote(kind), Nodes.supported(DISK_KINDS));
        }
        var uri = Nodes.str(disk, "diskURI");
        if (uri == null) {
            return;
        }
        if (kind.equals("Managed") && !uri.startsWith("/subscriptions/")) {
            context.report(path.child("diskURI"), ErrorType.NOT_SUPPORTED, Nodes.quote(uri), Nodes.supported(
                    "/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}"));
        } else if (!kind.equals("Managed") && !uri.startsWith("https://")) {
            context.report(path.child("diskURI"), ErrorType.NOT_SUPPORTED, Nodes.quote(uri), Nodes.supported(
                    "https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd"));
        }
    }

    /**
     * The deprecated {@value #MOUNT_OPTIONS} annotation (pkg/volume/validation checkMountOption)
     * only on a PersistentVolume whose type mounts with options; spec.mountOptions is not checked
     * there.
     */
    private static void mountOptions(RuleContext context, ObjectNode tree, ObjectNode spec) {
        var annotations = Nodes.obj(tree, "metadata", "annotations");
        if (annotations == null || !annotations.has(MOUNT_OPTIONS)) {
            return;
        }
        for (var source : MOUNT_OPTION_SOURCES) {
            if (Nodes.has(spec, source)) {
                return;
            }
        }
        for (var source : MOUNT_OPTION_SOURCES_UNSURE) {
            if (Nodes.has(spec, source)) {
                return;
            }
        }
        context.report(FieldPath.root("metadata").child("annotations").key(MOUNT_OPTIONS), ErrorType.FORBIDDEN,
                "may not specify mount options for this volume type");
    }

    /** Reports a string field the schema requires (so absent is its finding) when given empty. */
    private static void empty(RuleContext context, ObjectNode holder, String field, FieldPath holderPath) {
        JsonNode value = holder.get(field);
        if (value != null && value.isString() && value.asString().isEmpty()) {
            context.report(holderPath.child(field), ErrorType.REQUIRED, "");
        }
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
     * At most one source, and for a PersistentVolume at least one (with the server's exception for
     * a flexVolume after another source). A pod volume without any (or with only nulls) is not an
     * error: the API server defaults it to an emptyDir.
     */
    private static void check(RuleContext context, ObjectNode holder, FieldPath path, String[] sources,
            boolean required) {
        int found = 0;
        for (var source : sources) {
            var value = holder.get(source);
            if (value != null && !value.isNull()) {
                found++;
                if (found > 1 && !(required && source.equals(UNCHECKED_PV_SOURCE))) {
                    context.report(path.child(source), ErrorType.FORBIDDEN, "may not specify more than 1 volume type");
                }
            }
        }
        if (found == 0 && required) {
            context.report(path, ErrorType.REQUIRED, "must specify a volume type");
        }
    }
}
