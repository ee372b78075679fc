package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceIpFamiliesRuleTest {

    private static String service(String name, String spec) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: %s}
                spec:
                """.formatted(name) + spec.indent(2);
    }

    @Test
    void servicesTheApiServerAcceptsPass() {
        assertThat(run(new ServiceIpFamiliesRule()).on(
                service("plain", "ports: [{port: 80}]\nselector: {app: a}")
                        + "---\n" + service("fixed", "clusterIP: 10.96.0.10\nipFamilies: [IPv4]\nports: [{port: 80}]")
                        + "---\n" + service("both", """
                                clusterIP: 10.96.0.10
                                clusterIPs: [10.96.0.10, "fd00::10"]
                                ipFamilies: [IPv4, IPv6]
                                ipFamilyPolicy: RequireDualStack
                                ports: [{port: 80}]""")
                        + "---\n" + service("headless-selectorless", "clusterIP: None\nipFamilies: [IPv6, IPv4]")
                        + "---\n" + service("mapped", "clusterIP: \"::ffff:10.0.0.1\"\nipFamilies: [IPv4]\nports: [{port: 80}]")
                        + "---\n" + service("external", "type: ExternalName\nexternalName: db.example.com\nipFamilies: []")))
                .isEmpty();
    }

    @Test
    void clusterIpsStartWithTheClusterIp() {
        assertThat(run(new ServiceIpFamiliesRule()).on(
                service("a", "clusterIP: 10.96.0.2\nclusterIPs: [10.96.0.1]\nports: [{port: 80}]")
                        + "---\n" + service("b", "clusterIPs: [10.96.0.1]\nports: [{port: 80}]")))
                .containsExactly(
                        "spec.clusterIPs: Invalid value: [\"10.96.0.1\"]: first value must match `clusterIP`",
                        "spec.clusterIPs: Invalid value: [\"10.96.0.1\"]: must be empty when `clusterIP` is not specified");
    }

    @Test
    void clusterIpsHoldOneAddressPerFamilyMatchingIpFamilies() {
        assertThat(run(new ServiceIpFamiliesRule()).on(service("a", """
                clusterIP: 10.96.0.1
                clusterIPs: [10.96.0.1, 10.96.0.2]
                ipFamilies: [IPv6, IPv4, IPv4]
                ipFamilyPolicy: PreferDualStack
                ports: [{port: 80}]""")))
                .containsExactly(
                        "spec.ipFamilies[2]: Duplicate value: \"IPv4\"",
                        "spec.clusterIPs: Invalid value: [\"10.96.0.1\",\"10.96.0.2\"]: "
                                + "may specify no more than one IP for each IP family",
                        "spec.clusterIPs[0]: Invalid value: \"10.96.0.1\": expected an IPv6 value as indicated by `ipFamilies[0]`");
        assertThat(run(new ServiceIpFamiliesRule()).on(service("a", """
                clusterIP: None
                clusterIPs: [None, 10.96.0.1, "fd00::1"]
                ipFamilyPolicy: PreferDualStack""")))
                .containsExactly(
                        "spec.clusterIPs: Invalid value: [\"None\",\"10.96.0.1\",\"fd00::1\"]: "
                                + "'None' must be the first and only value",
                        "spec.clusterIPs: Invalid value: [\"None\",\"10.96.0.1\",\"fd00::1\"]: may only hold up to 2 values");
    }

    @Test
    void singleStackServicesHaveOneFamilyAndItIsTheDefault() {
        assertThat(run(new ServiceIpFamiliesRule()).on(
                service("explicit", "ipFamilyPolicy: SingleStack\nipFamilies: [IPv4, IPv6]\nports: [{port: 80}]")
                        + "---\n" + service("defaulted", "ipFamilies: [IPv4, IPv6]\nports: [{port: 80}]")
                        + "---\n" + service("headless-selecting", "clusterIP: None\nipFamilies: [IPv4, IPv6]\nselector: {app: a}")
                        + "---\n" + service("ips", """
                                clusterIP: 10.96.0.1
                                clusterIPs: [10.96.0.1, "fd00::1"]
                                ports: [{port: 80}]""")))
                .containsExactly(
                        "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": "
                                + "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
                        "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": "
                                + "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
                        "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": "
                                + "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified",
                        "spec.ipFamilyPolicy: Invalid value: \"SingleStack\": "
                                + "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified");
    }

    @Test
    void externalNameServicesHaveNoFamilies() {
        assertThat(run(new ServiceIpFamiliesRule()).on(service("a", """
                type: ExternalName
                externalName: db.example.com
                clusterIPs: [10.96.0.1]
                ipFamilies: [IPv4]
                ipFamilyPolicy: SingleStack""")))
                .containsExactly(
                        "spec.clusterIPs: Forbidden: may not be set for ExternalName services",
                        "spec.ipFamilies: Forbidden: may not be set for ExternalName services",
                        "spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services");
    }
}
