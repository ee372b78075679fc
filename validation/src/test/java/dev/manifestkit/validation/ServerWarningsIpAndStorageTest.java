package dev.manifestkit.validation;

import static dev.manifestkit.validation.ServerWarningsChecks.errors;
import static dev.manifestkit.validation.ServerWarningsChecks.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The API server's IP and CIDR spelling warnings (apimachinery's GetWarningsForIP and
 * GetWarningsForCIDR, from 1.33; refused from 1.36 where the field is validated) and its
 * PersistentVolume and claim warnings, on the validator's real output.
 */
class ServerWarningsIpAndStorageTest {

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              type: LoadBalancer
              clusterIP: "010.0.0.10"
              clusterIPs: ["010.0.0.10", "2001:DB8::a"]
              ipFamilyPolicy: RequireDualStack
              externalIPs: ["::ffff:192.0.2.7"]
              loadBalancerIP: "192.0.02.1"
              loadBalancerSourceRanges: ["192.0.2.8/24", "2001:db8:0:0::/64"]
              selector: {app: web}
              ports: [{port: 80}]
            """;

    @Test
    void aServiceHearsEachNonStandardSpellingAtItsField() {
        assertThat(warnings("1.35", SERVICE)).containsExactly(
                "spec.clusterIPs[0]: Warning: non-standard IP address \"010.0.0.10\" will be considered invalid in a "
                        + "future Kubernetes release: use \"10.0.0.10\"",
                "spec.clusterIPs[1]: Warning: IPv6 address \"2001:DB8::a\" should be in RFC 5952 canonical format "
                        + "(\"2001:db8::a\")",
                "spec.externalIPs[0]: Warning: non-standard IP address \"::ffff:192.0.2.7\" will be considered "
                        + "invalid in a future Kubernetes release: use \"192.0.2.7\"",
                "spec.loadBalancerIP: Warning: non-standard IP address \"192.0.02.1\" will be considered invalid in a "
                        + "future Kubernetes release: use \"192.0.2.1\"",
                "spec.loadBalancerSourceRanges[0]: Warning: CIDR value \"192.0.2.8/24\" is ambiguous in this context "
                        + "(should be \"192.0.2.0/24\" or \"192.0.2.8/32\"?)",
                "spec.loadBalancerSourceRanges[1]: Warning: IPv6 CIDR value \"2001:db8:0:0::/64\" should be in RFC "
                        + "5952 canonical format (\"2001:db8::/64\")");
        assertThat(errors("1.35", SERVICE)).isEmpty();
    }

    @Test
    void from136TheSpellingsTheStrictGateRefusesAreErrorsNotWarnings() {
        assertThat(errors("1.36", SERVICE)).containsExactly(
                "spec.clusterIPs[0]: Invalid value: \"010.0.0.10\": must not have leading 0s",
                "spec.externalIPs[0]: Invalid value: \"::ffff:192.0.2.7\": must not be an IPv4-mapped IPv6 address",
                "spec.loadBalancerSourceRanges[0]: Invalid value: \"192.0.2.8/24\": must not have bits set beyond the "
                        + "prefix length");
        // RFC 5952 stays a warning; loadBalancerIP is not validated, so its spelling still only warns (the
        // externalIPs deprecation of 1.36 is ServerWarningsDeprecationsTest's)
        assertThat(warnings("1.36", SERVICE)).containsExactly(
                "spec.clusterIPs[1]: Warning: IPv6 address \"2001:DB8::a\" should be in RFC 5952 canonical format "
                        + "(\"2001:db8::a\")",
                "spec.externalIPs: Warning: deprecated and may no longer be implemented in some clusters",
                "spec.loadBalancerIP: Warning: non-standard IP address \"192.0.02.1\" will be considered invalid in a "
                        + "future Kubernetes release: use \"192.0.2.1\"",
                "spec.loadBalancerSourceRanges[1]: Warning: IPv6 CIDR value \"2001:db8:0:0::/64\" should be in RFC "
                        + "5952 canonical format (\"2001:db8::/64\")");
    }

    @Test
    void canonicalAddressesAndRangesWithoutHostBitsHearNothing() {
        var tidy = """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  type: LoadBalancer
                  clusterIP: 10.0.0.10
                  externalIPs: ["192.0.2.7", "2001:db8::7"]
                  loadBalancerIP: 192.0.2.1
                  loadBalancerSourceRanges: ["192.0.2.0/24", "2001:db8::/64", "0.0.0.0/0"]
                  selector: {app: web}
                  ports: [{port: 80}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web}
                spec:
                  podSelector: {}
                  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]}]
                """;
        for (var version : new String[] {"1.33", "1.34", "1.35", "1.36"}) {
            // from 1.36 externalIPs are deprecated however they are spelt (ServerWarningsDeprecationsTest)
            assertThat(warnings(version, tidy)).as(version).allMatch(warning -> warning.startsWith("spec.externalIPs: "));
            assertThat(errors(version, tidy)).as(version).isEmpty();
        }
    }

    @Test
    void aLoneClusterIpIsReportedWhereItWasWrittenAndNoneIsLeftAlone() {
        assertThat(warnings("1.35", """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec: {clusterIP: "10.0.0.010", selector: {app: web}, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: db}
                spec: {clusterIP: None, clusterIPs: [None], selector: {app: db}, ports: [{port: 5432}]}
                """)).containsExactly("spec.clusterIP: Warning: non-standard IP address \"10.0.0.010\" will be "
                + "considered invalid in a future Kubernetes release: use \"10.0.0.10\"");
    }

    @Test
    void podsAndTemplatesHearTheirHostAliasesAndNameservers() {
        var deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      dnsPolicy: None
                      dnsConfig: {nameservers: ["1.2.3.4", "05.06.07.08"]}
                      hostAliases: [{ip: "::ffff:1.2.3.4", hostnames: [a]}]
                      containers: [{name: a, image: "a:1"}]
                """;
        assertThat(warnings("1.33", deployment)).containsExactly(
                "spec.template.spec.dnsConfig.nameservers[1]: Warning: non-standard IP address \"05.06.07.08\" will be "
                        + "considered invalid in a future Kubernetes release: use \"5.6.7.8\"",
                "spec.template.spec.hostAliases[0].ip: Warning: non-standard IP address \"::ffff:1.2.3.4\" will be "
                        + "considered invalid in a future Kubernetes release: use \"1.2.3.4\"");
        assertThat(warnings("1.36", deployment)).isEmpty();
        assertThat(errors("1.36", deployment)).containsExactly(
                "spec.template.spec.dnsConfig.nameservers[1]: Invalid value: \"05.06.07.08\": must not have leading 0s",
                "spec.template.spec.hostAliases[0].ip: Invalid value: \"::ffff:1.2.3.4\": must not be an IPv4-mapped "
                        + "IPv6 address");
    }

    @Test
    void networkPolicyRangesHearTheirSpellingUntil136RefusesIt() {
        var policy = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web}
                spec:
                  podSelector: {}
                  ingress: [{from: [{ipBlock: {cidr: "10.0.0.1/8", except: ["10.001.0.0/16"]}}]}]
                  egress: [{to: [{podSelector: {}}, {ipBlock: {cidr: "::ffff:10.0.0.0/104"}}]}]
                """;
        assertThat(warnings("1.35", policy)).containsExactly(
                "spec.ingress[0].from[0].ipBlock.cidr: Warning: CIDR value \"10.0.0.1/8\" is ambiguous in this "
                        + "context (should be \"10.0.0.0/8\" or \"10.0.0.1/32\"?)",
                "spec.ingress[0].from[0].ipBlock.except[0]: Warning: non-standard CIDR value \"10.001.0.0/16\" will be "
                        + "considered invalid in a future Kubernetes release: use \"10.1.0.0/16\"",
                "spec.egress[0].to[1].ipBlock.cidr: Warning: non-standard CIDR value \"::ffff:10.0.0.0/104\" will be "
                        + "considered invalid in a future Kubernetes release: use \"10.0.0.0/8\"");
        assertThat(errors("1.35", policy)).isEmpty();
        assertThat(warnings("1.36", policy)).isEmpty();
        assertThat(errors("1.36", policy)).containsExactly(
                "spec.ingress[0].from[0].ipBlock.cidr: Invalid value: \"10.0.0.1/8\": must not have bits set beyond "
                        + "the prefix length",
                "spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: \"10.001.0.0/16\": must not have leading 0s "
                        + "in IP or prefix length",
                "spec.egress[0].to[1].ipBlock.cidr: Invalid value: \"::ffff:10.0.0.0/104\": must not have an "
                        + "IPv4-mapped IPv6 address");
    }

    @Test
    void aPersistentVolumeHearsItsDeprecatedSettings() {
        var volume = """
                apiVersion: v1
                kind: PersistentVolume
                metadata:
                  name: data
                  annotations: {volume.beta.kubernetes.io/storage-class: slow}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  persistentVolumeReclaimPolicy: Recycle
                  nfs: {server: nfs.example.com, path: /exports}
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                        - matchExpressions:
                            - {key: kubernetes.io/hostname, operator: In, values: [a]}
                            - {key: failure-domain.beta.kubernetes.io/zone, operator: In, values: [z]}
                          matchFields: [{key: metadata.name, operator: In, values: [a]}]
                """;
        assertThat(warnings("1.35", volume)).containsExactly(
                "metadata.annotations[volume.beta.kubernetes.io/storage-class]: Warning: deprecated since v1.8; use "
                        + "\"storageClassName\" attribute instead",
                "spec.persistentVolumeReclaimPolicy: Warning: The Recycle reclaim policy is deprecated. Instead, the "
                        + "recommended approach is to use dynamic provisioning.",
                "spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[1].key: Warning: "
                        + "failure-domain.beta.kubernetes.io/zone is deprecated since v1.17; use "
                        + "\"topology.kubernetes.io/zone\" instead");
        assertThat(errors("1.35", volume)).isEmpty();
        assertThat(warnings("1.35", """
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: old}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  rbd: {monitors: ["10.0.0.1:6789"], image: data}
                """)).containsExactly("spec.rbd: Warning: deprecated in v1.28, non-functional in v1.31+");
    }

    @Test
    void aPersistentVolumeWithoutDeprecatedSettingsHearsNothing() {
        assertThat(warnings("1.35", """
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: data}
                spec:
                  capacity: {storage: 1Gi}
                  accessModes: [ReadWriteOnce]
                  persistentVolumeReclaimPolicy: Retain
                  storageClassName: slow
                  local: {path: /mnt/disk}
                  nodeAffinity:
                    required:
                      nodeSelectorTerms:
                        - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [z]}]
                """)).isEmpty();
    }

    @Test
    void claimsAndClaimTemplatesHearFractionalBytesOfStorage() {
        assertThat(warnings("1.35", """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: data
                  annotations: {volume.beta.kubernetes.io/storage-class: slow}
                spec:
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: "1.5"}, limits: {storage: 2500m}}
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: tidy}
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: slow
                  resources: {requests: {storage: 1.5Gi}}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: db, image: "db:1"}]
                      volumes:
                        - name: scratch
                          ephemeral:
                            volumeClaimTemplate:
                              spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 100m}}}
                  volumeClaimTemplates:
                    - metadata: {name: data}
                      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: "0.5"}}}
                """)).containsExactly(
                "metadata.annotations[volume.beta.kubernetes.io/storage-class]: Warning: deprecated since v1.8; use "
                        + "\"storageClassName\" attribute instead",
                "spec.resources.requests[storage]: Warning: fractional byte value \"1500m\" is invalid, must be an "
                        + "integer",
                "spec.resources.limits[storage]: Warning: fractional byte value \"2500m\" is invalid, must be an "
                        + "integer",
                "spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.resources.requests[storage]: "
                        + "Warning: fractional byte value \"100m\" is invalid, must be an integer",
                "spec.volumeClaimTemplates[0].spec.resources.requests[storage]: Warning: fractional byte value "
                        + "\"500m\" is invalid, must be an integer");
    }

    /**
     * The verdict files of these warnings ({@code *-swNN-*}): accepted, each with its warning at 1.35,
     * or at 1.36 for those whose warning starts there (their why says "from 1.36").
     */
    @Test
    void eachVerdictFileOfTheseWarningsHearsOne() throws IOException, URISyntaxException {
        var directory = Path.of(getClass().getResource("/api-server-verdicts").toURI());
        List<Path> files;
        try (Stream<Path> all = Files.list(directory)) {
            files = all.filter(file -> file.getFileName().toString().matches("(object|pod)-sw\\d+-.*\\.yaml"))
                    .sorted().toList();
        }
        assertThat(files).hasSize(30);
        for (var file : files) {
            var yaml = Files.readString(file, StandardCharsets.UTF_8);
            var version = yaml.lines().filter(line -> line.startsWith("# why:")).findFirst().orElseThrow()
                    .contains("from 1.36") ? "1.36" : "1.35";
            assertThat(errors(version, yaml)).as(file.getFileName().toString()).isEmpty();
            assertThat(warnings(version, yaml)).as(file.getFileName().toString()).hasSize(1);
        }
    }
}
