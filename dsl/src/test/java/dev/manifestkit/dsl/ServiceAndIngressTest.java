package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceAndIngressTest {

    private static DeploymentBuilder web() {
        return deployment("web").container(container("app", "nginx:1.27").port("http", 8080));
    }

    @Test
    void selectingCopiesTheWorkloadsSelector() {
        var service = clusterIpService("web").selecting(web()).port(80).targetPort("http").build();

        assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("app.kubernetes.io/name", "web"));
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    }

    @Test
    void targetPortDefaultsToThePortByLeavingItToKubernetes() {
        var port = clusterIpService("web").selecting(web()).port(8080).build().getSpec().getPorts().get(0);

        assertThat(port.getTargetPort()).isNull();
        assertThat(port.getProtocol()).isNull();
    }

    @Test
    void aNamedTargetPortMustBeDeclaredByTheSelectedWorkload() {
        var service = clusterIpService("web").selecting(web()).port(80).targetPort("https");

        assertThatThrownBy(service::build).hasMessage("Service/web: spec.ports[0].targetPort: Not found: \"https\": "
                + "no container of Deployment/web declares a port with this name");
    }

    @Test
    void nodePortMustBeAPortNumber() {
        var service = nodePortService("web").selecting(web()).port(80);

        assertThatThrownBy(() -> service.nodePort(0)).hasMessage("Service/web: spec.ports[0].nodePort: "
                + "Invalid value: 0: must be between 1 and 65535, inclusive");
        assertThatThrownBy(() -> service.nodePort(65536)).hasMessage("Service/web: spec.ports[0].nodePort: "
                + "Invalid value: 65536: must be between 1 and 65535, inclusive");
        assertThat(service.nodePort(30080).build().getSpec().getPorts().get(0).getNodePort()).isEqualTo(30080);
    }

    @Test
    void aNodePortOutsideTheDefaultRangeBuildsForClustersWithAnotherRange() {
        // the range is the cluster's --service-node-port-range; validation checks it (api/node-port-range)
        var service = nodePortService("web").selecting(web()).port(80).nodePort(20080).build();

        assertThat(service.getSpec().getPorts().get(0).getNodePort()).isEqualTo(20080);
    }

    @Test
    void portOptionsNeedAPortFirst() {
        assertThatThrownBy(() -> nodePortService("web").nodePort(30080))
                .hasMessage("Service/web: spec.ports: Required value: nodePort(…) applies to the last port; add one with port(…) first");
    }

    @Test
    void severalPortsNeedNames() {
        var service = clusterIpService("web").port("http", 80).port(443);

        assertThatThrownBy(service::build)
                .hasMessage("Service/web: spec.ports[1].name: Required value: must be specified when there is more than one port");
        assertThatThrownBy(() -> clusterIpService("web").port("http", 80).port("http", 81))
                .hasMessage("Service/web: spec.ports[1].name: Duplicate value: \"http\"");
    }

    @Test
    void loadBalancerOptions() {
        var lb = loadBalancerService("web").selecting(web()).port(80).targetPort(8080).nodePort(31000)
                .externalTrafficPolicy(ExternalTrafficPolicy.LOCAL).loadBalancerSourceRanges("10.0.0.0/8").build();

        assertThat(lb.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(lb.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
        assertThat(lb.getSpec().getLoadBalancerSourceRanges()).containsExactly("10.0.0.0/8");
        assertThatThrownBy(() -> loadBalancerService("web").loadBalancerSourceRanges("10.0.0.0"))
                .hasMessageStartingWith("Service/web: spec.loadBalancerSourceRanges[0]: Invalid value: \"10.0.0.0\"");
    }

    @Test
    void externalNameHasNoSelectorAndChecksTheHost() {
        var legacy = externalNameService("legacy", "db.example.com").build();

        assertThat(legacy.getSpec().getSelector()).isNullOrEmpty();
        assertThat(legacy.getSpec().getExternalName()).isEqualTo("db.example.com");
        assertThatThrownBy(() -> externalNameService("legacy", "not a host"))
                .hasMessageStartingWith("Service/legacy: spec.externalName: Invalid value: \"not a host\"");
    }

    @Test
    void routesTakeTheServicesOnlyPortOrACheckedOne() {
        var api = clusterIpService("api").port("http", 80).port("metrics", 9090);
        var site = clusterIpService("site").port(3000);
        var ingress = ingress("web").className("nginx")
                .route("/api", api, "http")
                .route("/metrics", api, 9090)
                .host("shop.example.com").route("/", site)
                .build();

        var rules = ingress.getSpec().getRules();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).getHost()).isNull();
        assertThat(rules.get(0).getHttp().getPaths().get(0).getBackend().getService().getPort().getName()).isEqualTo("http");
        assertThat(rules.get(0).getHttp().getPaths().get(1).getBackend().getService().getPort().getNumber()).isEqualTo(9090);
        assertThat(rules.get(1).getHost()).isEqualTo("shop.example.com");
        assertThat(rules.get(1).getHttp().getPaths().get(0).getPathType()).isEqualTo("Prefix");
        assertThat(rules.get(1).getHttp().getPaths().get(0).getBackend().getService().getPort().getNumber()).isEqualTo(3000);
    }

    @Test
    void routesToMissingPortsFailAtOnce() {
        var api = clusterIpService("api").port("http", 80).port("metrics", 9090);

        assertThatThrownBy(() -> ingress("web").route("/", api, 8080))
                .hasMessage("Ingress/web: spec.rules[0].http.paths[0].backend.service.port.number: Not found: 8080: Service/api has no such port");
        assertThatThrownBy(() -> ingress("web").route("/", api, "grpc"))
                .hasMessage("Ingress/web: spec.rules[0].http.paths[0].backend.service.port.name: Not found: \"grpc\": Service/api has no port with this name");
        assertThatThrownBy(() -> ingress("web").route("/", api))
                .hasMessage("Ingress/web: spec.rules[0].http.paths[0].backend.service.port: Required value: Service/api has 2 ports; name the port to route to");
    }

    @Test
    void pathsThatCouldRouteAroundARuleAreRefused() {
        var site = clusterIpService("site").port(80);

        assertThatThrownBy(() -> ingress("web").route("/a/../admin", site))
                .hasMessage("Ingress/web: spec.rules[0].http.paths[0].path: Invalid value: \"/a/../admin\": "
                        + "must not contain '/../'");
        assertThatThrownBy(() -> ingress("web").route("api", site))
                .hasMessage("Ingress/web: spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path");
    }

    @Test
    void ingressTlsFromATlsSecretObject() {
        var cert = tlsSecret("shop-tls", Fixtures.text("tls/rsa.crt"), Fixtures.text("tls/rsa.key"));
        var ingress = ingress("web").host("shop.example.com").route("/", clusterIpService("site").port(80))
                .tls(cert, "shop.example.com").build();

        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("shop-tls");
        assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly("shop.example.com");
        assertThatThrownBy(() -> ingress("web").tls(existingSecret("shop-tls", "cert.pem")))
                .hasMessageStartingWith("Secret/shop-tls: data[tls.crt]: Not found: \"tls.crt\"");
    }

    @Test
    void anEmptyIngressIsRejected() {
        assertThatThrownBy(() -> ingress("web").build())
                .hasMessage("Ingress/web: spec: Required value: either `defaultBackend` or `rules` must be specified");
    }

    @Test
    void aServiceWithoutPortsFailsUnlessItIsHeadlessOrExternalName() {
        assertThatThrownBy(() -> clusterIpService("web").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Service/web: spec.ports: Required value: a ClusterIP Service needs at least one port;"
                        + " add one with port(…)");
        assertThatThrownBy(() -> nodePortService("web").build())
                .hasMessageStartingWith("Service/web: spec.ports: Required value: a NodePort Service");
        assertThat(headlessService("db").build().getSpec().getPorts()).isNullOrEmpty();
        assertThat(externalNameService("legacy", "db.example.com").build().getSpec().getExternalName())
                .isEqualTo("db.example.com");
        assertThat(clusterIpService("web").customize(b -> b.editOrNewSpec().addNewPort().withPort(80).endPort().endSpec())
                .build().getSpec().getPorts()).hasSize(1);
    }

    @Test
    void aServiceNameMustStartWithALetterAndAnIngressHostMustNotBeAnIpAddress() {
        assertThatThrownBy(() -> clusterIpService("1web"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Service/1web: metadata.name: Invalid value: \"1web\": a DNS-1035 label must");
        assertThatThrownBy(() -> ingress("shop").host("10.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Ingress/shop: spec.rules[0].host: Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address");
    }

    @Test
    void hostsMayStartWithAWildcardLabelAsTheApiServerAllows() {
        var ingress = ingress("web").host("*.example.com").route("/", clusterIpService("site").port(80)).build();
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("*.example.com");

        assertThatThrownBy(() -> ingress("web").host("*.*.example.com"))
                .hasMessageStartingWith("Ingress/web: spec.rules[0].host: Invalid value: \"*.*.example.com\": "
                        + "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain");
        assertThatThrownBy(() -> ingress("web").host("shop.*.example.com"))
                .hasMessageContaining("a wildcard DNS-1123 subdomain must start with '*.'");
        var longest = "*." + ("a".repeat(63) + ".").repeat(3) + "a".repeat(59);
        assertThat(ingress("web").host(longest)).isNotNull();
        assertThatThrownBy(() -> ingress("web").host(longest + "a"))
                .hasMessageEndingWith(": must be no more than 253 characters");
    }
}
