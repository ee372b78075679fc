package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

class ServiceIngressRulesTest {

    private static String service(String spec) {
        return """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                """ + spec.indent(2);
    }

    private static String ingress(String spec) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: web}
                spec:
                """ + spec.indent(2);
    }

    @Test
    void anEmptySourceRangesListIsNoListSoAnyServiceMayHaveIt() {
        assertThat(run(new ServiceTypeFieldsRule()).on(service("""
                clusterIP: None
                loadBalancerSourceRanges: []
                ports: [{port: 80}]
                """))).isEmpty();
        assertThat(run(new ServiceTypeFieldsRule()).on(service("""
                loadBalancerSourceRanges: [10.0.0.0/8]
                ports: [{port: 80}]
                """))).containsExactly(
                "spec.loadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'");
    }

    @Test
    void multiPortServicesNameEveryPortOnce() {
        assertThat(run(new ServicePortsRule()).on(service("""
                ports: [{name: http, port: 80}, {name: dns, port: 80, protocol: UDP}]
                """))).isEmpty();
        assertThat(run(new ServicePortsRule()).on(service("""
                ports: [{name: http, port: 80}, {port: 81}, {name: http, port: 82}, {name: again, port: 80}]
                """))).containsExactly("spec.ports[1].name: Required value",
                "spec.ports[2].name: Duplicate value: \"http\"",
                "spec.ports[3]: Duplicate value: \"80/TCP\"");
    }

    @Test
    void servicesHavePortsUnlessHeadlessOrExternalName() {
        assertThat(run(new ServicePortsRule()).on(service("clusterIP: None") + "---\n"
                + service("{type: ExternalName, externalName: db.example.com}"))).isEmpty();
        assertThat(run(new ServicePortsRule()).on(service("selector: {app: web}")))
                .containsExactly("spec.ports: Required value");
    }

    @Test
    void nodePortsOnlyOnNodePortAndLoadBalancerServices() {
        assertThat(run(new ServiceTypeFieldsRule()).on(service("""
                type: LoadBalancer
                externalTrafficPolicy: Local
                loadBalancerSourceRanges: [10.0.0.0/8]
                ports: [{port: 80, nodePort: 30080}]
                """))).isEmpty();
        assertThat(run(new ServiceTypeFieldsRule()).on(service("""
                externalTrafficPolicy: Local
                loadBalancerSourceRanges: [10.0.0.0/8]
                ports: [{port: 80, nodePort: 30080}]
                """))).containsExactly(
                "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
                "spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for externally-accessible services",
                "spec.loadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'");
    }

    @Test
    void loadBalancerFieldsOnlyOnLoadBalancersAndPoliciesWhereTrafficComesFromOutside() {
        assertThat(run(new ServiceTypeFieldsRule()).on(service("""
                type: LoadBalancer
                externalTrafficPolicy: Local
                healthCheckNodePort: 32000
                allocateLoadBalancerNodePorts: false
                loadBalancerClass: example.com/internal
                ports: [{port: 80}]
                """) + "---\n" + service("""
                externalIPs: [203.0.113.7]
                externalTrafficPolicy: Local
                ports: [{port: 80}]
                """))).isEmpty();
        assertThat(run(new ServiceTypeFieldsRule()).on(service("""
                type: NodePort
                externalTrafficPolicy: Cluster
                healthCheckNodePort: 32000
                allocateLoadBalancerNodePorts: true
                loadBalancerClass: "bad class"
                ports: [{port: 80}]
                """) + "---\n" + service("""
                type: LoadBalancer
                externalTrafficPolicy: Local
                healthCheckNodePort: 70000
                loadBalancerClass: "bad class"
                ports: [{port: 80}]
                """))).containsExactly(
                "spec.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and "
                        + "`externalTrafficPolicy` is 'Local'",
                "spec.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'",
                "spec.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'",
                "spec.healthCheckNodePort: Invalid value: 70000: " + dev.manifestkit.core.syntax.Ports.portRangeError(),
                "spec.loadBalancerClass: Invalid value: \"bad class\": " + Names.qualifiedName("bad class").get(0));
    }

    @Test
    void externalNameServicesNeedADnsNameAndNoClusterIp() {
        assertThat(run(new ServiceTypeFieldsRule()).on(service("{type: ExternalName, externalName: db.example.com.}")))
                .isEmpty();
        assertThat(run(new ServiceTypeFieldsRule()).on(service("{type: ExternalName, clusterIP: 10.0.0.1}") + "---\n"
                + service("{type: ExternalName, externalName: DB_HOST}"))).containsExactly(
                "spec.externalName: Required value",
                "spec.clusterIP: Forbidden: may not be set for ExternalName services",
                "spec.externalName: Invalid value: \"DB_HOST\": " + Names.dns1123Subdomain("DB_HOST").get(0));
    }

    @Test
    void clientIpAffinityLastsAtMostADayAndAConfigWithoutItIsDropped() {
        assertThat(run(new SessionAffinityRule()).on(service(
                "{sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}}")
                + "---\n" + service("{sessionAffinity: ClientIP}").replace("{name: web}", "{name: web2}")))
                .isEmpty();
        assertThat(run(new SessionAffinityRule()).on(service(
                "{sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}}")))
                .containsExactly("spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: "
                        + "must be greater than 0 and less than 86400");
        // the API server defaults the affinity to None, then drops the config
        assertThat(run(new SessionAffinityRule()).on(service("{sessionAffinityConfig: {clientIP: {timeoutSeconds: 0}}}")))
                .isEmpty();
    }

    @Test
    void headlessServicesAreNotExposedOnNodes() {
        assertThat(run(new ServiceTypeFieldsRule()).on(service("{clusterIP: None, ports: [{port: 80}]}"))).isEmpty();
        assertThat(run(new ServiceTypeFieldsRule()).on(service("{type: NodePort, clusterIP: None}")))
                .containsExactly("spec.clusterIP: Invalid value: \"None\": may not be set to 'None' for NodePort services");
    }

    @Test
    void nodePortsLieInTheDefaultRange() {
        assertThat(run(new NodePortRangeRule()).on(service("""
                type: NodePort
                ports: [{port: 80, nodePort: 30000}, {port: 81, nodePort: 32767}, {port: 82},
                  {name: dns, port: 53, nodePort: 30053}, {name: dns-udp, port: 53, nodePort: 30053, protocol: UDP}]
                """))).as("one node port may serve TCP and UDP").isEmpty();
        assertThat(run(new NodePortRangeRule()).on(service("""
                type: NodePort
                ports: [{port: 80, nodePort: 8080}, {port: 81, nodePort: 31000}, {port: 82, nodePort: 31000}]
                """))).containsExactly("spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid "
                        + "range. The range of valid ports is 30000-32767",
                "spec.ports[2].nodePort: Duplicate value: 31000");
    }

    @Test
    void nodePortsLieInTheRangeTheClusterWasGiven() {
        var yaml = service("""
                type: NodePort
                ports: [{port: 80, nodePort: 20080}, {port: 81, nodePort: 30080}]
                """);
        assertThat(run(new NodePortRangeRule()).nodePortRange("20000-29999").on(yaml)).containsExactly(
                "spec.ports[1].nodePort: Invalid value: 30080: provided port is not in the valid range. The range of "
                        + "valid ports is 20000-29999");
        assertThat(run(new NodePortRangeRule()).nodePortRange("20000+20000").on(yaml)).isEmpty();
    }

    @Test
    void ingressHostsAreDnsNamesNotIpAddresses() {
        assertThat(run(new IngressHostRule()).on(ingress("""
                rules: [{host: app.example.com}, {host: "*.example.com"}, {}]
                tls: [{hosts: [app.example.com]}]
                """))).isEmpty();
        assertThat(run(new IngressHostRule()).on(ingress("""
                rules: [{host: 10.0.0.1}, {host: "*.*.example.com"}, {host: App.example.com}]
                tls: [{hosts: [bad_host]}]
                """))).containsExactly(
                "spec.rules[0].host: Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address",
                "spec.rules[1].host: Invalid value: \"*.*.example.com\": "
                        + Names.wildcardDns1123Subdomain("*.*.example.com").get(0),
                "spec.rules[2].host: Invalid value: \"App.example.com\": "
                        + Names.dns1123Subdomain("App.example.com").get(0),
                "spec.tls[0].hosts[0]: Invalid value: \"bad_host\": " + Names.dns1123Subdomain("bad_host").get(0));
    }

    @Test
    void ipAddressesAreRecognised() {
        assertThat(IngressHostRule.isIpAddress("192.168.0.1")).isTrue();
        assertThat(IngressHostRule.isIpAddress("::1")).isTrue();
        assertThat(IngressHostRule.isIpAddress("1.2.3")).isFalse();
        assertThat(IngressHostRule.isIpAddress("256.1.1.1")).isFalse();
        assertThat(IngressHostRule.isIpAddress("1.2.3.4.example.com")).isFalse();
        // ParseIPSloppy: leading zeros, however many, and IPv4-mapped IPv6
        assertThat(IngressHostRule.isIpAddress("1.2.3.0004")).isTrue();
        assertThat(IngressHostRule.isIpAddress("010.1.1.1")).isTrue();
        assertThat(IngressHostRule.isIpAddress("::ffff:1.2.3.4")).isTrue();
        assertThat(IngressHostRule.isIpAddress("example.com:80")).isFalse();
    }

    @Test
    void aRuleHostWithLongZeroPaddedOctetsIsAnIpAddress() {
        assertThat(run(new IngressHostRule()).on(ingress("""
                rules: [{host: 1.2.3.0004}]
                """))).containsExactly(
                "spec.rules[0].host: Invalid value: \"1.2.3.0004\": must be a DNS name, not an IP address");
    }

    @Test
    void anEmptyTlsHostIsInvalidThoughAnEmptyRuleHostIsNoHost() {
        assertThat(run(new IngressHostRule()).on(ingress("""
                rules: [{host: ""}]
                tls: [{hosts: [web.example.com, ""]}]
                """))).containsExactly(
                "spec.tls[0].hosts[1]: Invalid value: \"\": " + Names.dns1123Subdomain("").get(0));
    }

    @Test
    void anEmptyIngressClassNameIsGivenAndInvalid() {
        assertThat(run(new ReferenceNamesRule()).on(ingress("""
                ingressClassName: ""
                defaultBackend: {service: {name: web, port: {number: 80}}}
                """))).containsExactly(
                "spec.ingressClassName: Invalid value: \"\": " + Names.dns1123Subdomain("").get(0));
        assertThat(run(new ReferenceNamesRule()).on(ingress("""
                ingressClassName: nginx.example.com
                defaultBackend: {service: {name: web, port: {number: 80}}}
                """))).isEmpty();
    }

    @Test
    void ingressPathsStateASupportedTypeAndAreAbsolute() {
        assertThat(run(new IngressPathRule()).on(ingress("""
                rules:
                  - http:
                      paths:
                        - {path: /api, pathType: Prefix}
                        - {path: /exact, pathType: Exact}
                        - {pathType: ImplementationSpecific}
                """))).isEmpty();
        assertThat(run(new IngressPathRule()).on(ingress("""
                rules:
                  - http:
                      paths:
                        - {path: /api, pathType: ""}
                        - {path: api, pathType: Prefix}
                        - {path: /a//b, pathType: Exact}
                        - {path: /, pathType: Regex}
                        - {path: "x*", pathType: ImplementationSpecific}
                        - {path: /a/./b/../c%2Fd/., pathType: Prefix}
                        - {path: /up/.., pathType: Exact}
                """))).containsExactly(
                "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified",
                "spec.rules[0].http.paths[1].path: Invalid value: \"api\": must be an absolute path",
                "spec.rules[0].http.paths[2].path: Invalid value: \"/a//b\": must not contain '//'",
                "spec.rules[0].http.paths[3].pathType: Unsupported value: \"Regex\": supported values: \"Exact\", "
                        + "\"ImplementationSpecific\", \"Prefix\"",
                "spec.rules[0].http.paths[4].path: Invalid value: \"x*\": must be an absolute path",
                "spec.rules[0].http.paths[5].path: Invalid value: \"/a/./b/../c%2Fd/.\": must not contain '/./'",
                "spec.rules[0].http.paths[5].path: Invalid value: \"/a/./b/../c%2Fd/.\": must not contain '/../'",
                "spec.rules[0].http.paths[5].path: Invalid value: \"/a/./b/../c%2Fd/.\": must not contain '%2F'",
                "spec.rules[0].http.paths[5].path: Invalid value: \"/a/./b/../c%2Fd/.\": cannot end with '/.'",
                "spec.rules[0].http.paths[6].path: Invalid value: \"/up/..\": cannot end with '/..'");
    }

    @Test
    void ingressBackendsNameAServiceAndExactlyOnePort() {
        assertThat(run(new IngressBackendRule()).on(ingress("""
                defaultBackend: {service: {name: web, port: {name: http}}}
                rules: [{http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]}}]
                """))).isEmpty();
        assertThat(run(new IngressBackendRule()).on(ingress("""
                defaultBackend: {service: {name: web, port: {name: http, number: 80}}}
                rules:
                  - http:
                      paths:
                        - {path: /a, pathType: Prefix, backend: {service: {name: "", port: {number: 80}}}}
                        - {path: /b, pathType: Prefix, backend: {service: {name: 1api, port: {}}}}
                        - {path: /c, pathType: Prefix, backend: {}}
                        - {path: /d, pathType: Prefix, backend: {service: {name: x, port: {name: HTTP}}, resource: {kind: B, name: b}}}
                  - host: empty.example.com
                    http: {paths: []}
                """))).containsExactly(
                "spec.rules[1].http.paths: Required value",
                "spec.defaultBackend: Invalid value: \"\": cannot set both port name & port number",
                "spec.rules[0].http.paths[0].backend.service.name: Required value",
                "spec.rules[0].http.paths[1].backend.service.name: Invalid value: \"1api\": "
                        + Names.dns1035Label("1api").get(0),
                "spec.rules[0].http.paths[1].backend: Required value: port name or number is required",
                "spec.rules[0].http.paths[2].backend: Invalid value: \"\": resource or service backend is required",
                "spec.rules[0].http.paths[3].backend: Invalid value: \"\": cannot set both resource and service backends");
    }

    @Test
    void anIngressNeedsADefaultBackendOrRules() {
        assertThat(run(new IngressBackendRule()).on(ingress("ingressClassName: nginx"))).containsExactly(
                "spec: Invalid value: \"\": either `defaultBackend` or `rules` must be specified");
    }
}
