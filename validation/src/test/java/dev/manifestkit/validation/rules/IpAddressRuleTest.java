package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.manifestkit.core.syntax.Names;

class IpAddressRuleTest {

    private static final String INVALID = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "0.0.0.0", "255.255.255.255", "010.001.1.1", "::", "::1", "1::", "fe80::1",
        "2001:db8::ffff", "2001:DB8:0:0:0:0:0:1", "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4",
        "::1.2.3.4", "0001:2::3"})
    void addressesGoParsesAreAddresses(String address) {
        assertThat(IpAddresses.checkIp(address)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "10.0.0.1.", "1.2.3.4.5", "a.b.c.d", "10.0.0.-1", " 10.0.0.1",
        "localhost", ":", ":::", "1:", ":1", "1::2::3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "12345::",
        "1:2:3:4:5:6:7:1.2.3.4", "1.2.3.4::", "fe80::1%eth0", "g::1", "::1.2.3", "1:2:3:4:5:6:7", "١٢.0.0.1"})
    void textGoRefusesIsNotAnAddress(String text) {
        assertThat(IpAddresses.checkIp(text)).isEqualTo(INVALID);
    }

    @Test
    void cidrRangesNeedAnAddressAndALengthThatFits() {
        assertThat(IpAddresses.checkCidr("10.0.0.0/8")).isNull();
        assertThat(IpAddresses.checkCidr("10.1.2.3/32")).isNull();
        assertThat(IpAddresses.checkCidr("2001:db8::/64")).isNull();
        assertThat(IpAddresses.checkCidr("::/128")).isNull();
        assertThat(IpAddresses.checkCidr("10.0.0.0/008")).isNull();
        for (String bad : new String[] {"10.0.0.0", "10.0.0.0/33", "10.0.0.0/", "/8", "2001:db8::/129", "10.0.0.0/8/8",
            "10.0.0.0/-1", "10.0.0.0/ 8"}) {
            assertThat(IpAddresses.checkCidr(bad)).as(bad).isEqualTo(IpAddresses.INVALID_CIDR);
        }
    }

    @Test
    void serviceAddressesParseAndExternalIpsAreRoutable() {
        assertThat(run(new IpAddressRule()).on("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  type: LoadBalancer
                  clusterIP: 10.96.0.10
                  externalIPs: [203.0.113.7, "2001:db8::7"]
                  loadBalancerIP: 198.51.100.1
                  loadBalancerSourceRanges: [10.0.0.0/8, " 192.168.0.0/16"]
                  ports: [{port: 80}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: headless}
                spec: {clusterIP: None, clusterIPs: [None]}
                """)).isEmpty();
        assertThat(run(new IpAddressRule()).on("""
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  clusterIP: 10.96.0.300
                  externalIPs: [127.0.0.1, 0.0.0.0, 169.254.169.254, 224.0.0.5, "fe80::1", nope]
                  loadBalancerIP: 1.2.3
                  loadBalancerSourceRanges: [10.0.0.0/33]
                """)).containsExactly(
                "spec.clusterIP: Invalid value: \"10.96.0.300\": " + INVALID,
                "spec.externalIPs[0]: Invalid value: \"127.0.0.1\": may not be in the loopback range (127.0.0.0/8, ::1/128)",
                "spec.externalIPs[1]: Invalid value: \"0.0.0.0\": may not be unspecified (0.0.0.0)",
                "spec.externalIPs[2]: Invalid value: \"169.254.169.254\": may not be in the link-local range (169.254.0.0/16, fe80::/10)",
                "spec.externalIPs[3]: Invalid value: \"224.0.0.5\": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)",
                "spec.externalIPs[4]: Invalid value: \"fe80::1\": may not be in the link-local range (169.254.0.0/16, fe80::/10)",
                "spec.externalIPs[5]: Invalid value: \"nope\": " + INVALID,
                "spec.loadBalancerSourceRanges[0]: Invalid value: \"10.0.0.0/33\": " + IpAddresses.INVALID_CIDR);
        assertThat(run(new IpAddressRule()).on("""
                apiVersion: v1
                kind: Service
                metadata: {name: dual}
                spec: {clusterIP: 10.96.0.1, clusterIPs: [10.96.0.1, "fd00::zz"]}
                """)).containsExactly("spec.clusterIPs[1]: Invalid value: \"fd00::zz\": " + INVALID);
    }

    @Test
    void podAddressesParseButContainerHostIpsAreNotChecked() {
        assertThat(run(new IpAddressRule()).on(pod("""
                hostAliases: [{ip: 10.1.2.3, hostnames: [db]}]
                dnsConfig: {nameservers: [1.1.1.1, "2606:4700::1111"]}
                containers: [{name: a, image: a:1, ports: [{containerPort: 80, hostIP: 127.0.0.1, hostPort: 8080}]}]
                """))).isEmpty();
        assertThat(run(new IpAddressRule()).on(pod("""
                hostAliases: [{ip: db.local, hostnames: [db]}]
                dnsConfig: {nameservers: [1.1.1]}
                initContainers: [{name: i, image: a:1, ports: [{containerPort: 80, hostIP: "::g"}]}]
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.hostAliases[0].ip: Invalid value: \"db.local\": " + INVALID,
                "spec.dnsConfig.nameservers[0]: Invalid value: \"1.1.1\": " + INVALID);
    }

    @Test
    void podDnsSettingsFitAResolvConf() {
        assertThat(run(new DnsConfigRule()).on(pod("""
                dnsPolicy: None
                dnsConfig: {nameservers: [1.1.1.1], searches: [svc.cluster.local., example.com, "."], options: [{name: ndots, value: "2"}]}
                containers: [{name: a, image: a:1}]
                """))).isEmpty();
        assertThat(run(new DnsConfigRule()).on(pod("""
                dnsPolicy: None
                containers: [{name: a, image: a:1}]
                """))).containsExactly("spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None");
        assertThat(run(new DnsConfigRule()).on(pod("""
                dnsPolicy: None
                dnsConfig: {searches: [a.com]}
                containers: [{name: a, image: a:1}]
                """))).containsExactly("spec.dnsConfig.nameservers: Required value: must provide at least one DNS "
                + "nameserver when `dnsPolicy` is None");
        assertThat(run(new DnsConfigRule()).on(pod("""
                dnsConfig: {nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, 1.0.0.1], searches: [Bad_Domain], options: [{value: "1"}]}
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.dnsConfig.nameservers: Invalid value: [\"1.1.1.1\",\"8.8.8.8\",\"9.9.9.9\",\"1.0.0.1\"]: must not have "
                        + "more than 3 nameservers",
                "spec.dnsConfig.searches[0]: Invalid value: \"Bad_Domain\": a lowercase RFC 1123 subdomain must consist of "
                        + "lower case alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
                        + "character (e.g. 'example.com', regex used for validation is "
                        + "'_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')",
                "spec.dnsConfig.options[0]: Required value: must not be empty");
    }

    @Test
    void searchDomainsMayHoldUnderscoresFromKubernetes134() {
        String pod = pod("""
                dnsConfig: {searches: [_sip._tcp.example.com, a_b.example.com]}
                containers: [{name: a, image: a:1}]
                """);
        assertThat(run(new DnsConfigRule()).on(pod)).isEmpty();
        assertThat(run(new DnsConfigRule()).version("1.33").on(pod)).containsExactly(
                "spec.dnsConfig.searches[0]: Invalid value: \"_sip._tcp.example.com\": "
                        + Names.dns1123Subdomain("_sip._tcp.example.com").get(0),
                "spec.dnsConfig.searches[1]: Invalid value: \"a_b.example.com\": "
                        + Names.dns1123Subdomain("a_b.example.com").get(0));
        assertThat(run(new DnsConfigRule()).on(pod.replace("a_b.example.com", "a_.example.com"))).hasSize(1);
    }
}
