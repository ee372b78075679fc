package dev.manifestkit.dsl;

import io.fabric8.kubernetes.api.model.ServiceAccount;

/**
 * What a pod needs of a ServiceAccount to run as it: its name. Subtypes:
 * {@link ServiceAccountBuilder}, an account written with the rest, and
 * {@link ExistingServiceAccount}, one created out of band. A pod's {@code serviceAccount(…)} takes
 * this type, so the two are interchangeable.
 *
 * @param <B> the concrete builder type
 */
public abstract class AbstractServiceAccountBuilder<B extends AbstractServiceAccountBuilder<B>>
        extends ObjectBuilder<B, ServiceAccount, io.fabric8.kubernetes.api.model.ServiceAccountBuilder> {

    AbstractServiceAccountBuilder(String name, boolean existing) {
        super("ServiceAccount", name, false, existing);
    }
}
