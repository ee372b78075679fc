package dev.manifestkit.validation.rules;

import java.util.HashSet;
import java.util.Set;

import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * Host-side paths are given and do not climb out with {@code ..} (hostPath, local), an nfs export
 * path is absolute; mount subPaths and the file paths of
 * configMap, secret, downwardAPI and projected volumes are relative; none may climb out with
 * {@code ..}. File modes are permission bits, 0 to 0777.
 */
final class VolumePathsRule extends BaseRule {

    /** Volume sources that write files from items. */
    private static final String[] FILE_SOURCES = {"configMap", "secret", "downwardAPI"};

    VolumePathsRule() {
        super("api/volume-paths", Layer.API, Severity.ERROR,
                "hostPath and local volume paths are given, nfs paths are absolute, volumeMount subPaths and "
                        + "subPathExprs and configMap, secret, "
                        + "downwardAPI and projected item paths are relative, and none contains '..'; an nfs server is "
                        + "not empty; defaultMode and item modes are between 0 and 0777.");
    }

    @Override
    public void check(RuleContext context) {
        var tree = context.tree();
        if (Nodes.kind(tree).equals("PersistentVolume")) {
            var spec = Nodes.obj(tree, "spec");
            if (spec != null) {
                checkSources(context, spec, FieldPath.root("spec"));
                var local = Nodes.obj(spec, "local");
                if (local != null) {
                    hostSide(context, local, FieldPath.root("spec").child("local"), false);
                }
            }
            return;
        }
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        Nodes.forEachObject(pod.spec(), "volumes", pod.path(), (volume, path, i) -> {
            checkSources(context, volume, path);
            checkFiles(context, volume, path);
        });
        PodSpecs.forEachContainer(context, (container, path, init) ->
                Nodes.forEachObject(container, "volumeMounts", path, (mount, mountPath, i) -> {
                    var subPath = Nodes.str(mount, "subPath");
                    var subPathExpr = Nodes.str(mount, "subPathExpr");
                    if (subPathExpr != null && !subPathExpr.isEmpty()) {
                        if (subPath != null && !subPath.isEmpty()) {
                            context.report(mountPath.child("subPathExpr"), ErrorType.INVALID, Nodes.quote(subPathExpr),
                                    "subPathExpr and subPath are mutually exclusive");
                        }
                        localDescendingPath(context, subPathExpr, mountPath.child("subPathExpr"));
                    }
                    if (subPath != null && !subPath.isEmpty()) {
                        localDescendingPath(context, subPath, mountPath.child("subPath"));
                    }
                }));
    }

    private static void checkSources(RuleContext context, ObjectNode holder, FieldPath path) {
        var hostPath = Nodes.obj(holder, "hostPath");
        if (hostPath != null) {
            // the API server takes a relative one (the DSL does not); the kubelet resolves it on the node
            hostSide(context, hostPath, path.child("hostPath"), false);
        }
        var nfs = Nodes.obj(holder, "nfs");
        if (nfs != null) {
            if ("".equals(Nodes.str(nfs, "server"))) {
                context.report(path.child("nfs", "server"), ErrorType.REQUIRED, "");
            }
            hostSide(context, nfs, path.child("nfs"), true);
        }
    }

    /** The files a configMap, secret, downwardAPI or projected volume writes, and their modes. */
    private static void checkFiles(RuleContext context, ObjectNode volume, FieldPath path) {
        for (String kind : FILE_SOURCES) {
            var source = Nodes.obj(volume, kind);
            if (source != null) {
                mode(context, source, "defaultMode", path.child(kind));
                items(context, source, path.child(kind));
            }
        }
        var projected = Nodes.obj(volume, "projected");
        if (projected != null) {
            var projectedPath = path.child("projected");
            mode(context, projected, "defaultMode", projectedPath);
            var paths = new HashSet<String>();
            Nodes.forEachObject(projected, "sources", projectedPath, (source, sourcePath, j) -> {
                for (String kind : FILE_SOURCES) {
                    var inner = Nodes.obj(source, kind);
                    if (inner != null) {
                        items(context, inner, sourcePath.child(kind));
                        // every source writes into the one directory: a path twice is a conflict
                        Nodes.forEachObject(inner, "items", sourcePath, (item, itemPath, k) ->
                                unique(context, paths, Nodes.str(item, "path"), Nodes.str(inner, "name"), projectedPath));
                    }
                }
                var token = Nodes.obj(source, "serviceAccountToken");
                if (token != null) {
                    var tokenPath = sourcePath.child("serviceAccountToken", "path");
                    var value = requiredPath(context, token, tokenPath);
                    if (value != null) {
                        if (value.startsWith("/")) {
                            context.report(tokenPath, ErrorType.INVALID, Nodes.quote(value), "must be a relative path");
                        }
                        if (!backsteps(context, value, tokenPath) && value.startsWith("..")) {
                            context.report(tokenPath, ErrorType.INVALID, Nodes.quote(value), "must not start with '..'");
                        }
                        unique(context, paths, value, "", projectedPath);
                    }
                }
            });
        }
    }

    /** A file path a projected volume writes once only; the API server names the source on a conflict. */
    private static void unique(RuleContext context, Set<String> paths, String path, String source, FieldPath at) {
        if (path != null && !path.isEmpty() && !paths.add(path)) {
            context.report(at, ErrorType.INVALID, Nodes.quote(source == null ? "" : source), "conflicting duplicate paths");
        }
    }

    private static void items(RuleContext context, ObjectNode source, FieldPath sourcePath) {
        Nodes.forEachObject(source, "items", sourcePath, (item, itemPath, i) -> {
            var path = itemPath.child("path");
            var value = requiredPath(context, item, path);
            if (value != null) {
                if (value.startsWith("/")) {
                    context.report(path, ErrorType.INVALID, Nodes.quote(value), "must be a relative path");
                }
                if (!backsteps(context, value, path) && value.startsWith("..")) {
                    context.report(path, ErrorType.INVALID, Nodes.quote(value), "must not start with '..'");
                }
            }
            mode(context, item, "mode", itemPath);
        });
    }

    private static void mode(RuleContext context, ObjectNode holder, String field, FieldPath holderPath) {
        var mode = Nodes.get(holder, field);
        if (Nodes.isInt(mode) && (mode.longValue() < 0 || mode.longValue() > 0777)) {
            context.report(holderPath.child(field), ErrorType.INVALID, mode.toString(),
                    "must be a number between 0 and 0777 (octal), both inclusive");
        }
    }

    private static void hostSide(RuleContext context, ObjectNode source, FieldPath sourcePath, boolean absolute) {
        var path = sourcePath.child("path");
        var value = requiredPath(context, source, path);
        if (value == null) {
            return;
        }
        if (absolute && !value.startsWith("/")) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value), "must be an absolute path");
        }
        backsteps(context, value, path);
    }

    /** The holder's {@code path}, or null when absent (the schema layer's to report) or empty (reported here). */
    private static String requiredPath(RuleContext context, ObjectNode holder, FieldPath path) {
        var value = Nodes.str(holder, "path");
        if (value != null && value.isEmpty()) {
            context.report(path, ErrorType.REQUIRED, "");
            return null;
        }
        return value;
    }

    /**
     * The server's validateLocalDescendingPath: a path below a directory the kubelet owns, so
     * relative and without a {@code ..} element.
     */
    static void localDescendingPath(RuleContext context, String value, FieldPath path) {
        if (value.startsWith("/")) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value), "must be a relative path");
        }
        backsteps(context, value, path);
    }

    /** Reports a {@code ..} element; {@code true} if there is one. */
    private static boolean backsteps(RuleContext context, String value, FieldPath path) {
        if (hasBacksteps(value)) {
            context.report(path, ErrorType.INVALID, Nodes.quote(value), "must not contain '..'");
            return true;
        }
        return false;
    }

    /** Whether a path has a {@code ..} element, as the API server's validatePathNoBacksteps sees it. */
    static boolean hasBacksteps(String value) {
        for (var part : value.split("/", -1)) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
