package dev.manifestkit.validation;

import static dev.manifestkit.validation.ServerWarningsChecks.errors;
import static dev.manifestkit.validation.ServerWarningsChecks.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The warnings the API server added after 1.33 for Services (trafficDistribution PreferClose from
 * 1.35, externalIPs from 1.36) and the StatefulSet strategy's negative revisionHistoryLimit
 * warning, on the validator's real output, each at the version before and after its gate.
 */
class ServerWarningsDeprecationsTest {

    private static String service(String spec) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                """ + spec.indent(2);
    }

    private static final String PREFER_CLOSE = "spec.trafficDistribution: Warning: \"PreferClose\" is deprecated; "
            + "use \"PreferSameZone\"";
    private static final String EXTERNAL_IPS = "spec.externalIPs: Warning: deprecated and may no longer be "
            + "implemented in some clusters";

    @Test
    void preferCloseWarnsFrom135() {
        var yaml = service("trafficDistribution: PreferClose");
        assertThat(warnings("1.33", yaml)).isEmpty();
        assertThat(warnings("1.34", yaml)).isEmpty();
        assertThat(warnings("1.35", yaml)).containsExactly(PREFER_CLOSE);
        assertThat(warnings("1.36", yaml)).containsExactly(PREFER_CLOSE);
        assertThat(errors("1.35", yaml)).isEmpty();
    }

    @Test
    void theNewNamesOfPreferCloseDoNotWarn() {
        assertThat(warnings("1.36", service("trafficDistribution: PreferSameZone"))).isEmpty();
        assertThat(warnings("1.36", service("trafficDistribution: PreferSameNode"))).isEmpty();
        assertThat(warnings("1.36", service(""))).isEmpty();
    }

    @Test
    void externalIPsWarnFrom136() {
        var yaml = service("externalIPs: [192.0.2.10]");
        assertThat(warnings("1.35", yaml)).isEmpty();
        assertThat(warnings("1.36", yaml)).containsExactly(EXTERNAL_IPS);
        assertThat(errors("1.36", yaml)).isEmpty();
        var loadBalancer = service("type: LoadBalancer\nexternalIPs: [192.0.2.10, 192.0.2.11]");
        assertThat(warnings("1.36", loadBalancer)).containsExactly(EXTERNAL_IPS);
        assertThat(warnings("1.36", service("type: NodePort\nexternalIPs: [192.0.2.10]")))
                .containsExactly(EXTERNAL_IPS);
    }

    @Test
    void externalIPsAServiceIgnoresAreNotCalledDeprecated() {
        assertThat(warnings("1.36", service("clusterIP: None\nexternalIPs: [192.0.2.10]")))
                .containsExactly("spec.externalIPs: Warning: ignored for headless services");
        assertThat(warnings("1.36", """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  type: ExternalName
                  externalName: db.example.com
                  externalIPs: [192.0.2.10]
                """)).containsExactly("spec.externalIPs: Warning: ignored when spec.type is \"ExternalName\"");
        assertThat(warnings("1.36", service("externalIPs: []"))).isEmpty();
    }

    @Test
    void theDeprecationComesBesideTheSpellingWarnings() {
        var yaml = service("externalIPs: [\"2001:DB8::1\"]");
        assertThat(warnings("1.36", yaml)).containsExactlyInAnyOrder(EXTERNAL_IPS,
                "spec.externalIPs[0]: Warning: IPv6 address \"2001:DB8::1\" should be in RFC 5952 canonical format "
                        + "(\"2001:db8::1\")");
        assertThat(warnings("1.35", yaml)).containsExactly(
                "spec.externalIPs[0]: Warning: IPv6 address \"2001:DB8::1\" should be in RFC 5952 canonical format "
                        + "(\"2001:db8::1\")");
    }

    private static String statefulSet(String limit) {
        return """
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  serviceName: db
                  revisionHistoryLimit: %s
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: "postgres:16"}]
                """.formatted(limit);
    }

    @Test
    void aStatefulSetWithANegativeRevisionHistoryLimitIsAcceptedWithAWarning() {
        var message = "spec.revisionHistoryLimit: Warning: a negative value retains all historical revisions; "
                + "a value >= 0 is recommended";
        for (var version : new String[] {"1.33", "1.34", "1.35", "1.36"}) {
            assertThat(warnings(version, statefulSet("-1"))).as(version).containsExactly(message);
            assertThat(errors(version, statefulSet("-1"))).as(version).isEmpty();
        }
        assertThat(warnings("1.36", statefulSet("0"))).isEmpty();
        assertThat(warnings("1.36", statefulSet("10"))).isEmpty();
    }

    @Test
    void otherWorkloadsStillRefuseANegativeRevisionHistoryLimit() {
        var deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  revisionHistoryLimit: -1
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: [{name: web, image: "nginx:1.27"}]
                """;
        assertThat(errors("1.36", deployment))
                .containsExactly("spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0");
        assertThat(warnings("1.36", deployment)).isEmpty();
    }
}
