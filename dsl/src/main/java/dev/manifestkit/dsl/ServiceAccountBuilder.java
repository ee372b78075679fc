package dev.manifestkit.dsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ServiceAccount;

/**
 * A ServiceAccount ({@code v1}): the identity pods run as, given to them with
 * {@code serviceAccount(…)}; for one created out of band, see {@link ExistingServiceAccount}.
 */
public final class ServiceAccountBuilder extends AbstractServiceAccountBuilder<ServiceAccountBuilder> {

    private final List<String> imagePullSecrets = new ArrayList<>();
    private Boolean automount;

    ServiceAccountBuilder(String name) {
        super(name, false);
    }

    /** Gives every pod of this account the registry credentials of this Secret. */
    public ServiceAccountBuilder imagePullSecret(DockerRegistrySecretBuilder secret) {
        imagePullSecrets.add(Objects.requireNonNull(secret, "secret").name());
        return this;
    }

    /**
     * Gives every pod of this account the registry credentials of a docker-registry Secret created
     * out of band, as pods take one with {@code imagePullSecret(existingSecret(…))}.
     */
    public ServiceAccountBuilder imagePullSecret(ExistingSecret secret) {
        imagePullSecrets.add(Objects.requireNonNull(secret, "secret").name());
        return this;
    }

    /** Whether pods get an API token mounted automatically ({@code automountServiceAccountToken}). */
    public ServiceAccountBuilder automountToken(boolean automount) {
        this.automount = automount;
        return this;
    }

    @Override
    ServiceAccount assemble() {
        var account = new ServiceAccount();
        account.setAutomountServiceAccountToken(automount);
        account.setImagePullSecrets(imagePullSecrets.isEmpty() ? null
                : Copies.mapped(imagePullSecrets, LocalObjectReference::new));
        return account;
    }
}
