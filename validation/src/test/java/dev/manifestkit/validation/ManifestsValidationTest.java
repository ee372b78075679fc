package dev.manifestkit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

/** Objects built with fabric8 go through {@code Manifests}' normalized trees and validate. */
class ManifestsValidationTest {

    private static final Validator VALIDATOR = Validator.builder().rules(List.of()).build();

    private static DeploymentBuilder deployment() {
        return new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace("fib").endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addToContainers(new ContainerBuilder().withName("web").withImage("nginx:1.27")
                        .addNewPort().withContainerPort(80).endPort()
                        .withNewResources().addToRequests("cpu", new Quantity("100m")).endResources().build())
                .endSpec().endTemplate().endSpec();
    }

    @Test
    void builtObjectsValidateWithoutProblems() {
        var service = new ServiceBuilder().withNewMetadata().withName("web").withNamespace("fib").endMetadata()
                .withNewSpec().addToSelector("app", "web")
                .addNewPort().withPort(80).withTargetPort(new IntOrString(8080)).endPort().endSpec().build();
        var namespace = new NamespaceBuilder().withNewMetadata().withName("fib").endMetadata().build();
        var existing = new SecretBuilder().withNewMetadata().withName("pg").withNamespace("fib").endMetadata().build();
        var app = Manifests.of(deployment().build(), service, namespace).withExisting(existing);
        var report = VALIDATOR.validate(app);
        assertThat(report.problems()).isEmpty();
        assertThat(report.resources()).extracting(r -> r.object().toString())
                .containsExactly("Namespace/fib", "Service/fib/web", "Deployment/fib/web");
    }

    @Test
    void mistakesInBuiltObjectsAreReportedAndThrown() {
        var broken = deployment().editSpec().withSelector(null).endSpec().build();
        var report = VALIDATOR.validate(Manifests.of(broken));
        assertThatThrownBy(report::throwIfErrors).isInstanceOf(ValidationException.class)
                .hasMessage("The Deployment \"web\" is invalid: spec.selector: Required value [schema]");
    }
}
