package dev.manifestkit.dsl;

import java.util.List;

/**
 * A Secret created out of band ({@code kubectl create secret …}, a sealed-secrets controller, a
 * vault injector): it can be referenced like any other Secret, its keys are checked, and it is
 * never written. {@code K8s.manifests(…)} passes it on as {@code Manifests.withExisting(…)}, so
 * the validator counts references to it as satisfied.
 */
public final class ExistingSecret extends AbstractSecretBuilder<ExistingSecret> {

    ExistingSecret(String name, List<String> keys) {
        super(name);
        keys.forEach(k -> putData(k, new byte[0]));
    }

    @Override
    String secretType() {
        return null;
    }
}
