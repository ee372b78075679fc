package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dev.manifestkit.core.syntax.DownwardApi;
import io.fabric8.kubernetes.api.model.DownwardAPIVolumeFile;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;

/**
 * An option of the files a volume writes: {@code K8s.item(key, path)} projects one key of a
 * ConfigMap or Secret to its own path; {@code K8s.fieldItem(path, fieldPath)} writes one pod field
 * (a downward API file); {@code K8s.defaultMode(0440)} sets the files' permissions. Immutable.
 */
public final class FileOption {

    private final String key;
    private final String fieldPath;
    private final String path;
    private final Integer defaultMode;

    private FileOption(String key, String fieldPath, String path, Integer defaultMode) {
        this.key = key;
        this.fieldPath = fieldPath;
        this.path = path;
        this.defaultMode = defaultMode;
    }

    static FileOption item(String key, String path) {
        Fail.notNull(key, "volume item", "key");
        return new FileOption(key, null, relativePath("volume item", "path", path), null);
    }

    /** One pod field as a file; the field is one a downward API volume may read, as the API server lists them. */
    static FileOption fieldItem(String path, String fieldPath) {
        var field = "fieldRef.fieldPath";
        if (fieldPath == null || fieldPath.isBlank()) {
            throw Fail.required("volume item", field, "must name a field");
        }
        var keyProblems = DownwardApi.subscriptKeyProblems(fieldPath);
        if (keyProblems != null) {
            Fail.check(keyProblems, "volume item", field, fieldPath);
        } else if (!DownwardApi.VOLUME_FIELD_PATHS.contains(fieldPath)) {
            throw Fail.unsupported("volume item", field, fieldPath, DownwardApi.VOLUME_FIELD_PATHS);
        }
        return new FileOption(null, fieldPath, relativePath("volume item", "path", path), null);
    }

    static FileOption defaultMode(int mode) {
        if (mode < 0 || mode > 0777) {
            throw Fail.invalid("volume", "defaultMode", mode,
                    "must be a number between 0 and 0777 (octal), both inclusive");
        }
        return new FileOption(null, null, null, mode);
    }

    /** A path below the volume's directory: not empty, relative, without {@code ..}. */
    static String relativePath(String owner, String field, String path) {
        Fail.notNull(path, owner, field);
        if (path.isEmpty() || path.startsWith("/")) {
            throw Fail.invalid(owner, field, path, "must be a relative path");
        }
        if (path.equals("..") || path.startsWith("../") || path.contains("/../") || path.endsWith("/..")) {
            throw Fail.invalid(owner, field, path, "must not contain '..'");
        }
        return path;
    }

    boolean isDefaultMode() {
        return defaultMode != null;
    }

    /** The last {@code defaultMode} among the options, or null. */
    static Integer defaultModeOf(FileOption[] options) {
        Integer mode = null;
        for (var option : options) {
            mode = option.defaultMode != null ? option.defaultMode : mode;
        }
        return mode;
    }

    /**
     * The key items in order, each key checked against {@code keys}; null when none (every key a
     * file). A pod-field item is refused: ConfigMap and Secret files come from their keys.
     */
    static List<KeyToPath> itemsOf(FileOption[] options, String owner, String itemsPath, Set<String> keys,
            Function<String, IllegalArgumentException> missing) {
        var items = new ArrayList<KeyToPath>();
        for (var option : options) {
            if (option.fieldPath != null) {
                throw Fail.forbidden(owner, itemsPath + "[" + itemIndex(options, option) + "].fieldRef",
                        "ConfigMap and Secret files come from their keys: use item(key, path); "
                                + "a pod field goes in downwardApi(…) or projection(fieldItem(…))");
            }
            if (option.key != null) {
                if (!keys.contains(option.key)) {
                    throw missing.apply(option.key);
                }
                var item = new KeyToPath();
                item.setKey(option.key);
                item.setPath(option.path);
                items.add(item);
            }
        }
        return items.isEmpty() ? null : items;
    }

    /** The pod-field items in order; a key item is refused, since the downward API has no keys. */
    static List<DownwardAPIVolumeFile> fieldItemsOf(FileOption[] options, String owner, String itemsPath) {
        var items = new ArrayList<DownwardAPIVolumeFile>();
        for (var option : options) {
            if (option.key != null) {
                throw Fail.forbidden(owner, itemsPath + "[" + itemIndex(options, option) + "].key",
                        "a downward API file reads a pod field: use fieldItem(path, fieldPath), not item(key, path)");
            }
            if (option.fieldPath != null) {
                var file = new DownwardAPIVolumeFile();
                file.setPath(option.path);
                file.setFieldRef(new ObjectFieldSelector(null, option.fieldPath));
                items.add(file);
            }
        }
        return items;
    }

    /** The position of an item among the items of {@code options}, as it would be written. */
    private static int itemIndex(FileOption[] options, FileOption item) {
        int index = 0;
        for (var option : options) {
            if (option == item) {
                return index;
            }
            index += option.defaultMode == null ? 1 : 0;
        }
        return index;
    }

    /** Fresh fabric8 items, since a volume is built anew for every pod. */
    static List<KeyToPath> copy(List<KeyToPath> items) {
        return items == null ? null : Copies.mapped(items, i -> {
            var item = new KeyToPath();
            item.setKey(i.getKey());
            item.setPath(i.getPath());
            return item;
        });
    }

    /** Fresh fabric8 downward API files. */
    static List<DownwardAPIVolumeFile> copyFiles(List<DownwardAPIVolumeFile> files) {
        return Copies.mapped(files, f -> {
            var file = new DownwardAPIVolumeFile();
            file.setPath(f.getPath());
            file.setFieldRef(new ObjectFieldSelector(null, f.getFieldRef().getFieldPath()));
            return file;
        });
    }

    @Override
    public String toString() {
        return key != null ? "item " + key + "->" + path
                : fieldPath != null ? "item " + fieldPath + "->" + path
                : "defaultMode=0" + Integer.toOctalString(defaultMode);
    }
}
