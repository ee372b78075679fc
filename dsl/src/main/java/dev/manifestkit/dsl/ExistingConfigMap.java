package dev.manifestkit.dsl;

import java.util.List;

/**
 * A ConfigMap created out of band (by another team, a Helm chart, an operator), made by
 * {@code K8s.existingConfigMap(name, keys…)}: it can be referenced like any other ConfigMap
 * ({@code key(…)}, {@code envFrom(…)}, {@code volume(…)}, {@code projection(…)}), the keys named
 * are checked against the ones declared, and it is never written ({@link #isExisting()}).
 * {@code K8s.manifests(…)} passes it on as {@code Manifests.withExisting(…)}, so the validator
 * counts references to it as satisfied and still checks their keys. It offers no way to add keys
 * or values: what it holds is whatever was created.
 */
public final class ExistingConfigMap extends AbstractConfigMapBuilder<ExistingConfigMap> {

    ExistingConfigMap(String name, List<String> keys) {
        super(name, true);
        keys.forEach(k -> putData(k, ""));
    }
}
