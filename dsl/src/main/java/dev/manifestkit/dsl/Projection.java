package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.fabric8.kubernetes.api.model.ConfigMapProjection;
import io.fabric8.kubernetes.api.model.DownwardAPIProjection;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.SecretProjection;
import io.fabric8.kubernetes.api.model.ServiceAccountTokenProjection;
import io.fabric8.kubernetes.api.model.VolumeProjection;

/**
 * One source of a projected volume ({@code K8s.projected(name, sources…)}), which writes several
 * sources into one directory: keys of a ConfigMap or Secret ({@code K8s.projection(configMap,
 * item(…)…)}), pod fields ({@code K8s.projection(fieldItem(…)…)}) or a service account token
 * ({@code K8s.serviceAccountToken(path, seconds, audience)}). Made from typed objects, so a key
 * the ConfigMap or Secret lacks fails at once. Immutable.
 */
public final class Projection {

    /** A file this source writes at a path the user chose, and where that path sits in the source. */
    record File(String field, String path) {
    }

    private final String description;
    private final List<File> files;
    /** Makes a new fabric8 projection on every call, so volumes never share one. */
    private final Supplier<VolumeProjection> fresh;

    private Projection(String description, List<File> files, Supplier<VolumeProjection> fresh) {
        this.description = description;
        this.files = List.copyOf(files);
        this.fresh = fresh;
    }

    static Projection configMap(AbstractConfigMapBuilder<?> configMap, FileOption[] items) {
        checkNoDefaultMode("configMap", items);
        var name = configMap.name();
        var keyItems = FileOption.itemsOf(items, "projection", "configMap.items", configMap.keys(),
                configMap::missingKey);
        return new Projection(configMap.ref(), files("configMap", keyItems), () -> {
            var source = new ConfigMapProjection();
            source.setName(name);
            source.setItems(FileOption.copy(keyItems));
            var projection = new VolumeProjection();
            projection.setConfigMap(source);
            return projection;
        });
    }

    static Projection secret(AbstractSecretBuilder<?> secret, FileOption[] items) {
        checkNoDefaultMode("secret", items);
        var name = secret.name();
        var keyItems = FileOption.itemsOf(items, "projection", "secret.items", secret.keys(),
                secret::missingKey);
        return new Projection(secret.ref(), files("secret", keyItems), () -> {
            var source = new SecretProjection();
            source.setName(name);
            source.setItems(FileOption.copy(keyItems));
            var projection = new VolumeProjection();
            projection.setSecret(source);
            return projection;
        });
    }

    static Projection downwardApi(FileOption[] items) {
        checkNoDefaultMode("downwardAPI", items);
        var fieldItems = FileOption.fieldItemsOf(items, "projection", "downwardAPI.items");
        var files = new ArrayList<File>();
        for (int i = 0; i < fieldItems.size(); i++) {
            files.add(new File("downwardAPI.items[" + i + "].path", fieldItems.get(i).getPath()));
        }
        return new Projection("downwardAPI", files, () -> {
            var projection = new VolumeProjection();
            projection.setDownwardAPI(new DownwardAPIProjection(FileOption.copyFiles(fieldItems)));
            return projection;
        });
    }

    /** A token for the pod's service account; the API server takes lifetimes from 10 minutes to 2^32 seconds. */
    static Projection serviceAccountToken(String path, long expirationSeconds, String audience) {
        FileOption.relativePath("projection", "serviceAccountToken.path", path);
        if (expirationSeconds < 600) {
            throw Fail.invalid("projection", "serviceAccountToken.expirationSeconds", expirationSeconds,
                    "may not specify a duration less than 10 minutes");
        }
        if (expirationSeconds > 1L << 32) {
            throw Fail.invalid("projection", "serviceAccountToken.expirationSeconds", expirationSeconds,
                    "may not specify a duration larger than 2^32 seconds");
        }
        return new Projection("serviceAccountToken", List.of(new File("serviceAccountToken.path", path)), () -> {
            var token = new ServiceAccountTokenProjection();
            token.setPath(path);
            token.setExpirationSeconds(expirationSeconds);
            token.setAudience(audience);
            var projection = new VolumeProjection();
            projection.setServiceAccountToken(token);
            return projection;
        });
    }

    /** A projection source has no mode of its own: the projected volume's defaultMode covers every file. */
    private static void checkNoDefaultMode(String source, FileOption[] items) {
        for (var item : items) {
            if (item.isDefaultMode()) {
                throw Fail.forbidden("projection", source + ".defaultMode",
                        "a projected volume sets one defaultMode for all its sources: projected(name, defaultMode(…), sources…)");
            }
        }
    }

    private static List<File> files(String source, List<KeyToPath> items) {
        var files = new ArrayList<File>();
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                files.add(new File(source + ".items[" + i + "].path", items.get(i).getPath()));
            }
        }
        return files;
    }

    /** The files this source writes at paths the user chose, for the volume's conflict check. */
    List<File> files() {
        return files;
    }

    /** A new fabric8 projection, shared with no other volume. */
    VolumeProjection toVolumeProjection() {
        return fresh.get();
    }

    /** What the source projects, never a value. */
    @Override
    public String toString() {
        return "projection of " + description;
    }
}
