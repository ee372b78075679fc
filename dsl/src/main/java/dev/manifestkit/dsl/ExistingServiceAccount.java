package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.model.ServiceAccount;

/**
 * A ServiceAccount created out of band (by a cluster administrator, with the RBAC bindings that
 * come with it, or by a cloud's workload-identity setup), made by
 * {@code K8s.existingServiceAccount(name)}: pods run as it with {@code serviceAccount(…)}, and it
 * is never written ({@link #isExisting()}). {@code K8s.manifests(…)} passes it on as
 * {@code Manifests.withExisting(…)}, so the validator counts the pods' references to it as
 * satisfied. Its image pull secrets and token settings are whatever was created, so it offers none.
 */
public final class ExistingServiceAccount extends AbstractServiceAccountBuilder<ExistingServiceAccount> {

    ExistingServiceAccount(String name) {
        super(name, true);
    }

    @Override
    ServiceAccount assemble() {
        return new ServiceAccount();
    }
}
