package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.KeyToPath;

/**
 * An option of a ConfigMap or Secret volume's files: {@code K8s.item(key, path)} projects only the
 * keys listed, each to its own path; {@code K8s.defaultMode(0440)} sets the files' permissions.
 * Immutable.
 */
public final class FileOption {

    private final String key;
    private final String path;
    private final Integer defaultMode;

    private FileOption(String key, String path, Integer defaultMode) {
        this.key = key;
        this.path = path;
        this.defaultMode = defaultMode;
    }

    static FileOption item(String key, String path) {
        Fail.notNull(key, "volume item", "key");
        Fail.notNull(path, "volume item", "path");
        if (path.isEmpty() || path.startsWith("/")) {
            throw Fail.invalid("volume item", "path", path, "must be a relative path");
        }
        if (path.equals("..") || path.startsWith("../") || path.contains("/../") || path.endsWith("/..")) {
            throw Fail.invalid("volume item", "path", path, "must not contain '..'");
        }
        return new FileOption(key, path, null);
    }

    static FileOption defaultMode(int mode) {
        if (mode < 0 || mode > 0777) {
            throw Fail.invalid("volume", "defaultMode", mode,
                    "must be a number between 0 and 0777 (octal), both inclusive");
        }
        return new FileOption(null, null, mode);
    }

    /** The last {@code defaultMode} among the options, or null. */
    static Integer defaultModeOf(FileOption[] options) {
        Integer mode = null;
        for (var option : options) {
            mode = option.defaultMode != null ? option.defaultMode : mode;
        }
        return mode;
    }

    /** The items in order, each key checked against {@code keys}; null when none (every key a file). */
    static List<KeyToPath> itemsOf(FileOption[] options, Set<String> keys,
            Function<String, IllegalArgumentException> missing) {
        var items = new ArrayList<KeyToPath>();
        for (var option : options) {
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

    /** Fresh fabric8 items, since a volume is built anew for every pod. */
    static List<KeyToPath> copy(List<KeyToPath> items) {
        return items == null ? null : Copies.mapped(items, i -> {
            var item = new KeyToPath();
            item.setKey(i.getKey());
            item.setPath(i.getPath());
            return item;
        });
    }

    @Override
    public String toString() {
        return key != null ? "item " + key + "->" + path : "defaultMode=0" + Integer.toOctalString(defaultMode);
    }
}
