package dev.manifestkit.dsl;

import java.util.List;

/**
 * A Secret created out of band ({@code kubectl create secret …}, a sealed-secrets controller, a
 * vault injector), made by {@code K8s.existingSecret(name, keys…)}: it can be referenced like any
 * other Secret, its keys are checked, and it is never written ({@link #isExisting()}).
 * {@code K8s.manifests(…)} passes it on as {@code Manifests.withExisting(…)}, so the validator
 * counts references to it as satisfied and still checks the keys they name. It offers no way to
 * add keys or values: what it holds is whatever was created.
 */
public final class ExistingSecret extends AbstractSecretBuilder<ExistingSecret> {

    ExistingSecret(String name, List<String> keys) {
        super(name, true);
        keys.forEach(k -> putData(k, new byte[0]));
    }

    /**
     * Has no effect on the cluster: an existing Secret is never written, so whether it is immutable
     * is decided where it was created. Kept so that code calling it still compiles.
     *
     * @deprecated an existing Secret is never written; make it immutable where it is created
     */
    @Deprecated
    @Override
    public ExistingSecret immutable() {
        return super.immutable();
    }

    @Override
    String secretType() {
        return null;
    }
}
