package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.ContainerRulesTest.pod;
import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.syntax.Names;

class ReferenceNamesRuleTest {

    @Test
    void podsNameTheirAccountClassesAndHostWithValidNames() {
        assertThat(run(new ReferenceNamesRule()).on(pod("""
                serviceAccountName: app.runner
                priorityClassName: high-priority
                schedulerName: my-scheduler
                runtimeClassName: gvisor
                nodeName: node-1.example.com
                hostAliases: [{ip: 10.0.0.1, hostnames: [db.internal, cache]}]
                hostname: web-0
                subdomain: web
                containers: [{name: a, image: a:1}]
                """))).isEmpty();
        assertThat(run(new ReferenceNamesRule()).on(pod("""
                serviceAccountName: Bad_SA
                priorityClassName: ""
                nodeName: Node_1
                hostAliases: [{ip: 10.0.0.1, hostnames: [ok.internal, Bad_Host]}]
                hostname: web.0
                subdomain: Sub
                containers: [{name: a, image: a:1}]
                """))).containsExactly(
                "spec.serviceAccountName: Invalid value: \"Bad_SA\": " + Names.dns1123Subdomain("Bad_SA").get(0),
                "spec.nodeName: Invalid value: \"Node_1\": " + Names.dns1123Subdomain("Node_1").get(0),
                "spec.hostname: Invalid value: \"web.0\": " + Names.dns1123Label("web.0").get(0),
                "spec.subdomain: Invalid value: \"Sub\": " + Names.dns1123Label("Sub").get(0),
                "spec.hostAliases[0].hostnames[1]: Invalid value: \"Bad_Host\": " + Names.dns1123Subdomain("Bad_Host").get(0));
    }

    @Test
    void claimsVolumesAndIngressesNameTheirClassesAndSecretsWithValidNames() {
        assertThat(run(new ReferenceNamesRule()).on("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: c}
                spec: {storageClassName: "", accessModes: [ReadWriteOnce]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: i}
                spec: {ingressClassName: nginx, tls: [{hosts: [a.com], secretName: a-tls}, {hosts: [b.com]}]}
                """)).isEmpty();
        assertThat(run(new ReferenceNamesRule()).on("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: pv}
                spec: {storageClassName: Fast_SSD, hostPath: {path: /x}}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: s}
                spec:
                  volumeClaimTemplates: [{metadata: {name: data}, spec: {storageClassName: "no spaces"}}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: i}
                spec: {ingressClassName: Bad_Class, tls: [{secretName: Bad_Secret}]}
                """)).containsExactly(
                "spec.storageClassName: Invalid value: \"Fast_SSD\": " + Names.dns1123Subdomain("Fast_SSD").get(0),
                "spec.volumeClaimTemplates[0].spec.storageClassName: Invalid value: \"no spaces\": "
                        + Names.dns1123Subdomain("no spaces").get(0),
                "spec.ingressClassName: Invalid value: \"Bad_Class\": " + Names.dns1123Subdomain("Bad_Class").get(0),
                "spec.tls[0].secretName: Invalid value: \"Bad_Secret\": " + Names.dns1123Subdomain("Bad_Secret").get(0));
    }
}
