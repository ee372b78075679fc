package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.manifestkit.validation.Problem;

class ReferenceRulesTest {

    private static final String WEB = """
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, tier: front}}
                spec:
                  containers:
                    - name: web
                      image: web:1
                      env:
                        - {name: PASSWORD, valueFrom: {secretKeyRef: {name: db, key: password}}}
                        - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}
                      envFrom: [{configMapRef: {name: settings}}]
                  volumes:
                    - {name: tls, secret: {secretName: tls, items: [{key: tls.crt, path: cert}]}}
                    - {name: all, projected: {sources: [{configMap: {name: settings}}, {secret: {name: db}}]}}
            """;

    private static final String OBJECTS = """
            kind: Secret
            metadata: {name: db, namespace: shop}
            stringData: {password: x}
            ---
            kind: Secret
            metadata: {name: tls, namespace: shop}
            data: {tls.crt: eA==, tls.key: eA==}
            ---
            kind: ConfigMap
            metadata: {name: settings, namespace: shop}
            data: {mode: fast}
            """;

    @Test
    void theSecondObjectWithTheSameIdentityIsADuplicate() {
        var problems = run(new DuplicateObjectRule()).problems("""
                kind: ConfigMap
                metadata: {name: settings, namespace: a}
                ---
                kind: ConfigMap
                metadata: {name: settings, namespace: b}
                ---
                kind: Secret
                metadata: {name: settings, namespace: a}
                ---
                kind: ConfigMap
                metadata: {name: settings, namespace: a}
                """);
        assertThat(problems).extracting(Problem::message).containsExactly("metadata.name: Duplicate value: \"settings\": "
                + "another ConfigMap of this name in namespace \"a\" comes earlier (<memory>, document 0); applying both "
                + "keeps only the last");
        assertThat(problems.get(0).object().document()).isEqualTo(3);
    }

    @Test
    void servicesSelectPodsOfTheirNamespace() {
        assertThat(run(new ServiceSelectsPodsRule()).on(WEB + """
                ---
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {selector: {app: web, tier: front}, ports: [{port: 80}]}
                ---
                kind: Service
                metadata: {name: external, namespace: shop}
                spec: {type: ExternalName, externalName: example.com}
                """)).isEmpty();
        assertThat(run(new ServiceSelectsPodsRule()).on(WEB + """
                ---
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {selector: {app: webb}, ports: [{port: 80}]}
                """)).containsExactly(
                "spec.selector: Not found: {\"app\":\"webb\"}: selects no pods: no Pod or workload pod template in "
                        + "namespace \"shop\" of this set has these labels, so the Service has no endpoints; match the "
                        + "selector to the pod template's labels");
    }

    @Test
    void servicesOfANamespaceWithoutWorkloadsInTheSetAreNotJudged() {
        // the pods come from elsewhere (another set, an operator): nothing here says the selector is wrong
        assertThat(run(new ServiceSelectsPodsRule()).on(WEB + """
                ---
                kind: Service
                metadata: {name: web, namespace: other}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                """)).isEmpty();
        assertThat(run(new ServiceSelectsPodsRule()).on("""
                kind: Service
                metadata: {name: web}
                spec: {selector: {app: web}, ports: [{port: 80}]}
                """)).isEmpty();
    }

    @Test
    void externalNameServicesAreNotAskedToSelectPods() {
        // kubectl create service externalname writes a selector; the server ignores it for ExternalName
        assertThat(run(new ServiceSelectsPodsRule()).on(WEB + """
                ---
                kind: Service
                metadata: {name: ext, namespace: shop}
                spec: {type: ExternalName, externalName: db.example.com, selector: {app: ext}}
                """)).isEmpty();
    }

    @Test
    void aHeadlessServiceSelectsTheStatefulSetsPods() {
        assertThat(run(new ServiceSelectsPodsRule()).on("""
                kind: StatefulSet
                metadata: {name: db, namespace: data}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec: {containers: [{name: pg, image: pg:16}]}
                ---
                kind: Service
                metadata: {name: db, namespace: data}
                spec: {clusterIP: None, selector: {app: db}, ports: [{port: 5432}]}
                """)).isEmpty();
    }

    @Test
    void namedTargetPortsAreDeclaredByTheSelectedPods() {
        var pods = """
                kind: Deployment
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      initContainers: [{name: proxy, image: p:1, restartPolicy: Always, ports: [{name: proxy, containerPort: 15001}]}]
                      containers: [{name: web, image: web:1, ports: [{name: http, containerPort: 8080}]}]
                ---
                kind: Pod
                metadata: {name: debug, namespace: shop, labels: {app: web}}
                spec: {containers: [{name: d, image: busybox:1.36}]}
                ---
                """;
        assertThat(run(new ServiceTargetPortRule()).on(pods + """
                kind: Service
                metadata: {name: web, namespace: shop}
                spec:
                  selector: {app: web}
                  ports: [{name: http, port: 80, targetPort: http}, {name: p, port: 15001, targetPort: proxy}, {name: n, port: 81, targetPort: 9999}]
                ---
                kind: Service
                metadata: {name: elsewhere, namespace: shop}
                spec: {selector: {app: none}, ports: [{port: 80, targetPort: whatever}]}
                """)).as("numbers and Services that select nothing in the set are not checked").isEmpty();
        assertThat(run(new ServiceTargetPortRule()).on(pods + """
                kind: Service
                metadata: {name: web, namespace: shop}
                spec: {selector: {app: web}, ports: [{port: 80, targetPort: http-web}]}
                """)).containsExactly("spec.ports[0].targetPort: Not found: \"http-web\": no container port of that name in "
                + "the pods this Service selects (Pod/debug, Deployment/web)");
    }

    @Test
    void probesNamePortsOfTheirOwnContainer() {
        assertThat(run(new ProbePortRule()).on(ContainerRulesTest.pod("""
                containers:
                  - name: c
                    image: c:1
                    ports: [{name: web, containerPort: 80}]
                    readinessProbe: {httpGet: {path: /, port: web}}
                    livenessProbe: {tcpSocket: {port: 80}}
                """))).isEmpty();
        assertThat(run(new ProbePortRule()).on(ContainerRulesTest.pod("""
                containers:
                  - {name: a, image: a:1, ports: [{name: http, containerPort: 80}]}
                  - name: c
                    image: c:1
                    ports: [{name: web, containerPort: 80}]
                    readinessProbe: {httpGet: {path: /, port: http}}
                """))).containsExactly("spec.containers[1].readinessProbe.httpGet.port: Not found: \"http\": container "
                + "\"c\" has no port of that name; the kubelet fails the probe on every run");
    }

    @Test
    void claimVolumesNameClaimsOfTheirNamespace() {
        var pod = """
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  containers: [{name: c, image: c:1}]
                  volumes: [{name: a, persistentVolumeClaim: {claimName: data}}, {name: b, persistentVolumeClaim: {claimName: logs}}]
                ---
                kind: PersistentVolumeClaim
                metadata: {name: data, namespace: shop}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                ---
                kind: PersistentVolumeClaim
                metadata: {name: logs, namespace: %s}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """;
        assertThat(run(new ClaimReferenceRule()).on(pod.formatted("shop"))).isEmpty();
        assertThat(run(new ClaimReferenceRule()).on(pod.formatted("other"))).containsExactly(
                "spec.volumes[1].persistentVolumeClaim.claimName: Not found: \"logs\": no PersistentVolumeClaim of that "
                        + "name in namespace \"shop\" of this set; the pod stays Pending until one exists");
    }

    @Test
    void ingressBackendsNameServicesOfTheSetAndTheirPorts() {
        var services = """
                kind: Service
                metadata: {name: web}
                spec: {ports: [{name: http, port: 80}, {name: admin, port: 8081}]}
                ---
                """;
        var ingress = services + """
                kind: Ingress
                metadata: {name: i}
                spec:
                  defaultBackend: {service: {name: web, port: {number: %s}}}
                  rules:
                    - http:
                        paths:
                          - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: %s}}}}
                          - {path: /x, pathType: Prefix, backend: {service: {name: %s, port: {number: 80}}}}
                """;
        assertThat(run(new IngressBackendReferenceRules.ServiceExists()).on(ingress.formatted(80, "http", "web")))
                .isEmpty();
        assertThat(run(new IngressBackendReferenceRules.PortExists()).on(ingress.formatted(80, "http", "web")))
                .isEmpty();
        assertThat(run(new IngressBackendReferenceRules.ServiceExists()).on(ingress.formatted(80, "http", "api")))
                .containsExactly("spec.rules[0].http.paths[1].backend.service.name: Not found: \"api\": no Service of "
                        + "that name in this set (no namespace); requests routed to it fail until it exists (add it, or "
                        + "check the name)");
        assertThat(run(new IngressBackendReferenceRules.PortExists()).on(ingress.formatted(8080, "metrics", "api")))
                .containsExactly(
                        "spec.defaultBackend.service.port.number: Not found: 8080: Service \"web\" has no such port "
                                + "(ports: 80, 8081), so requests routed to this backend fail; use one of its ports",
                        "spec.rules[0].http.paths[0].backend.service.port.name: Not found: \"metrics\": Service \"web\" "
                                + "has no port of that name (names: \"http\", \"admin\"), so requests routed to this "
                                + "backend fail; use one of its port names");
    }

    @Test
    void anIngressMayRouteToAnyPortOfAnExternalNameService() {
        assertThat(run(new IngressBackendReferenceRules.PortExists()).on("""
                kind: Service
                metadata: {name: ext}
                spec: {type: ExternalName, externalName: api.example.com, ports: [{port: 80}]}
                ---
                kind: Ingress
                metadata: {name: i}
                spec: {defaultBackend: {service: {name: ext, port: {number: 443}}}}
                """)).isEmpty();
    }

    @Test
    void keysOfSecretsFilledInAtRunTimeAreNotJudged() {
        // a Secret shipped without data is a placeholder a controller fills in; a service-account-token
        // Secret gets token, ca.crt and namespace from the token controller
        var pod = """
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  containers:
                    - name: c
                      image: c:1
                      env:
                        - {name: T, valueFrom: {secretKeyRef: {name: sa-token, key: token}}}
                        - {name: N, valueFrom: {secretKeyRef: {name: sa-token, key: namespace}}}
                        - {name: X, valueFrom: {secretKeyRef: {name: sa-token, key: other}}}
                        - {name: C, valueFrom: {secretKeyRef: {name: csrf, key: csrf}}}
                        - {name: M, valueFrom: {configMapKeyRef: {name: leader, key: holder}}}
                ---
                kind: Secret
                metadata: {name: sa-token, namespace: shop, annotations: {kubernetes.io/service-account.name: default}}
                type: kubernetes.io/service-account-token
                data: {extra: eA==}
                ---
                kind: Secret
                metadata: {name: csrf, namespace: shop}
                ---
                kind: ConfigMap
                metadata: {name: leader, namespace: shop}
                """;
        assertThat(run(ConfigReferenceRule.secretKeys()).on(pod)).containsExactly(
                "spec.containers[0].env[2].valueFrom.secretKeyRef.key: Not found: \"other\": Secret \"sa-token\" has no "
                        + "such key");
        assertThat(run(ConfigReferenceRule.configMapKeys()).on(pod)).isEmpty();
    }

    @Test
    void secretReferencesNameSecretsAndKeysOfTheSet() {
        assertThat(run(ConfigReferenceRule.secrets()).on(OBJECTS + "---\n" + WEB)).isEmpty();
        assertThat(run(ConfigReferenceRule.secrets()).on("""
                kind: Secret
                metadata: {name: tls, namespace: shop}
                data: {tls.key: eA==}
                ---
                """ + WEB)).containsExactly(
                "spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name: Not found: \"db\": no Secret of "
                        + "that name in namespace \"shop\" of this set; add it, declare it as existing, or mark the "
                        + "reference optional",
                "spec.template.spec.volumes[1].projected.sources[1].secret.name: Not found: \"db\": no Secret of that "
                        + "name in namespace \"shop\" of this set; add it, declare it as existing, or mark the reference "
                        + "optional");
        assertThat(run(ConfigReferenceRule.secretKeys()).on("""
                kind: Secret
                metadata: {name: tls, namespace: shop}
                data: {tls.key: eA==}
                ---
                """ + WEB)).containsExactly(
                "spec.template.spec.volumes[0].secret.items[0].key: Not found: \"tls.crt\": Secret \"tls\" has no such key");
    }

    @Test
    void aProbeNamingAPortItsContainerLacksIsAnError() {
        // the kubelet looks the name up in the probed container's ports alone: nothing out of band can
        // supply it, and a liveness probe that always fails restarts the container forever
        assertThat(new ProbePortRule().defaultSeverity()).isEqualTo(dev.manifestkit.validation.Severity.ERROR);
    }

    @Test
    void aMissingSecretIsAWarningAndAMissingKeyOfAKnownSecretAnError() {
        assertThat(ConfigReferenceRule.secrets().defaultSeverity()).isEqualTo(dev.manifestkit.validation.Severity.WARNING);
        assertThat(ConfigReferenceRule.secretKeys().defaultSeverity()).isEqualTo(dev.manifestkit.validation.Severity.ERROR);
        assertThat(ConfigReferenceRule.configMaps().defaultSeverity()).isEqualTo(dev.manifestkit.validation.Severity.WARNING);
        assertThat(ConfigReferenceRule.configMapKeys().defaultSeverity()).isEqualTo(dev.manifestkit.validation.Severity.ERROR);
    }

    @Test
    void existingSecretsCountWithTheKeysTheyDeclare() {
        var existing = """
                kind: Secret
                metadata: {name: db, namespace: shop}
                data: {password: ""}
                ---
                kind: Secret
                metadata: {name: tls, namespace: shop}
                data: {tls.crt: ""}
                """;
        assertThat(run(ConfigReferenceRule.secrets()).existing(existing).on(WEB)).isEmpty();
        assertThat(run(ConfigReferenceRule.secretKeys()).existing(existing).on(WEB)).isEmpty();
        assertThat(run(ConfigReferenceRule.secretKeys()).existing(existing.replace("password", "pass")).on(WEB))
                .containsExactly("spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key: Not found: "
                        + "\"password\": Secret \"db\" has no such key");
    }

    @Test
    void aStatefulSetTemplateVolumeNamedLikeAClaimTemplateIsReplacedByEachPodsOwnClaim() {
        var statefulSet = """
                kind: StatefulSet
                metadata: {name: db, namespace: shop}
                spec:
                  serviceName: db
                  selector: {matchLabels: {app: db}}
                  template:
                    metadata: {labels: {app: db}}
                    spec:
                      containers: [{name: c, image: c:1, volumeMounts: [{name: data, mountPath: /data}]}]
                      volumes:
                      - {name: data, persistentVolumeClaim: {claimName: data}}
                      - {name: logs, persistentVolumeClaim: {claimName: logs}}
                  volumeClaimTemplates:
                  - metadata: {name: data}
                    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """;
        assertThat(run(new ClaimReferenceRule()).on(statefulSet)).containsExactly(
                "spec.template.spec.volumes[1].persistentVolumeClaim.claimName: Not found: \"logs\": no "
                        + "PersistentVolumeClaim of that name in namespace \"shop\" of this set; the pod stays Pending "
                        + "until one exists");
    }

    @Test
    void theRootCaConfigMapExistsInEveryNamespace() {
        assertThat(run(ConfigReferenceRule.configMaps()).on("""
                kind: Pod
                metadata: {name: p, namespace: shop}
                spec:
                  containers: [{name: c, image: c:1}]
                  volumes:
                  - name: token
                    projected:
                      sources:
                      - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
                      - configMap: {name: kube-root-ca}
                """)).containsExactly(
                "spec.volumes[0].projected.sources[1].configMap.name: Not found: \"kube-root-ca\": no ConfigMap of that "
                        + "name in namespace \"shop\" of this set; add it, declare it as existing, or mark the reference "
                        + "optional");
    }

    @Test
    void configMapReferencesNameConfigMapsAndKeysUnlessOptional() {
        assertThat(run(ConfigReferenceRule.configMaps()).on(OBJECTS + "---\n" + WEB)).isEmpty();
        assertThat(run(ConfigReferenceRule.configMapKeys()).on("""
                kind: ConfigMap
                metadata: {name: settings, namespace: shop}
                data: {speed: fast}
                ---
                """ + WEB.replace("envFrom: [{configMapRef: {name: settings}}]",
                "envFrom: [{configMapRef: {name: missing, optional: true}}]"))).containsExactly(
                "spec.template.spec.containers[0].env[1].valueFrom.configMapKeyRef.key: Not found: \"mode\": ConfigMap "
                        + "\"settings\" has no such key");
    }

    @Test
    void imagePullSecretsExist() {
        var pod = """
                kind: Pod
                metadata: {name: p}
                spec:
                  imagePullSecrets: [{name: registry}]
                  containers: [{name: a, image: r.example.com/a:1}]
                ---
                kind: ServiceAccount
                metadata: {name: builder}
                imagePullSecrets: [{name: registry}]
                """;
        assertThat(run(new ImagePullSecretRule()).existing("""
                kind: Secret
                metadata: {name: registry}
                """).on(pod)).isEmpty();
        assertThat(run(new ImagePullSecretRule()).on(pod)).containsExactly(
                "spec.imagePullSecrets[0].name: Not found: \"registry\": no Secret of that name in this set (no "
                        + "namespace); add a docker-registry Secret or declare it as existing",
                "imagePullSecrets[0].name: Not found: \"registry\": no Secret of that name in this set (no "
                        + "namespace); add a docker-registry Secret or declare it as existing");
    }

    @Test
    void serviceAccountsExistUnlessDefault() {
        var pod = """
                kind: Pod
                metadata: {name: p}
                spec: {serviceAccountName: %s, containers: []}
                """;
        assertThat(run(new ServiceAccountReferenceRule()).on(pod.formatted("default"))).isEmpty();
        assertThat(run(new ServiceAccountReferenceRule()).on(pod.formatted("builder") + """
                ---
                kind: ServiceAccount
                metadata: {name: builder}
                """)).isEmpty();
        assertThat(run(new ServiceAccountReferenceRule()).on(pod.formatted("builder"))).containsExactly(
                "spec.serviceAccountName: Not found: \"builder\": no ServiceAccount of that name in this set (no "
                        + "namespace); pods naming a missing account are rejected");
    }

    @Test
    void theDeprecatedServiceAccountFieldIsCheckedWhenServiceAccountNameIsEmpty() {
        var pod = """
                kind: Pod
                metadata: {name: p}
                spec: {%s, containers: []}
                """;
        assertThat(run(new ServiceAccountReferenceRule()).on(pod.formatted("serviceAccount: builder"))).containsExactly(
                "spec.serviceAccount: Not found: \"builder\": no ServiceAccount of that name in this set (no "
                        + "namespace); pods naming a missing account are rejected");
        assertThat(run(new ServiceAccountReferenceRule()).on(pod.formatted("serviceAccount: builder") + """
                ---
                kind: ServiceAccount
                metadata: {name: builder}
                """)).isEmpty();
        assertThat(run(new ServiceAccountReferenceRule()).on(pod.formatted("serviceAccountName: '', serviceAccount: ci")))
                .containsExactly("spec.serviceAccount: Not found: \"ci\": no ServiceAccount of that name in this set "
                        + "(no namespace); pods naming a missing account are rejected");
        assertThat(run(new ServiceAccountReferenceRule()).on(pod.formatted("serviceAccountName: default, "
                + "serviceAccount: ci"))).as("the API server keeps serviceAccountName and ignores the other").isEmpty();
    }

    @Test
    void statefulSetsNameAHeadlessService() {
        var statefulSet = """
                kind: StatefulSet
                metadata: {name: db}
                spec: {serviceName: db, template: {spec: {containers: []}}}
                ---
                """;
        assertThat(run(new StatefulSetServiceRule()).on(statefulSet + """
                kind: Service
                metadata: {name: db}
                spec: {clusterIP: None}
                """)).isEmpty();
        assertThat(run(new StatefulSetServiceRule()).on(statefulSet + """
                kind: Service
                metadata: {name: db}
                spec: {ports: [{port: 5432}]}
                """)).containsExactly(
                "spec.serviceName: Invalid value: \"db\": Service \"db\" is not headless: set its clusterIP to None");
        assertThat(run(new StatefulSetServiceRule()).on(statefulSet.replace("---\n", ""))).containsExactly(
                "spec.serviceName: Not found: \"db\": no Service of that name in this set (no namespace); the pods get "
                        + "no stable DNS names without a headless Service");
    }

    private static final String VOLUME = """
            kind: PersistentVolume
            metadata: {name: pv, labels: {disk: ssd}}
            spec:
              capacity: {storage: 5Gi}
              accessModes: [ReadWriteOnce]
              nfs: {server: nfs, path: /x}
            ---
            """;

    @Test
    void aClaimWithoutClassBindsToAMatchingVolumeOfTheSet() {
        assertThat(run(new ClaimBindingRule()).on(VOLUME + """
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec:
                  accessModes: [ReadWriteOnce]
                  selector: {matchLabels: {disk: ssd}}
                  resources: {requests: {storage: 2Gi}}
                """)).isEmpty();
        assertThat(run(new ClaimBindingRule()).on(VOLUME + """
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec:
                  accessModes: [ReadWriteMany]
                  resources: {requests: {storage: 2Gi}}
                """)).containsExactly("spec.storageClassName: Not found: no PersistentVolume in this set can bind this "
                + "claim and it names no StorageClass: it relies on the cluster's default StorageClass");
    }

    @Test
    void aClaimWithoutClassInASetWithoutVolumesUsesTheDefaultClassQuietly() {
        // dynamic provisioning by the cluster's default StorageClass is how most claims get a volume
        assertThat(run(new ClaimBindingRule()).on("""
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                ---
                kind: PersistentVolume
                metadata: {name: fast}
                spec: {storageClassName: fast, capacity: {storage: 5Gi}, accessModes: [ReadWriteOnce], nfs: {server: nfs, path: /x}}
                """)).isEmpty();
    }

    @Test
    void aClaimNamingAClassIsLeftToItsProvisioner() {
        assertThat(run(new ClaimBindingRule()).on("""
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {storageClassName: fast, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """)).isEmpty();
        assertThat(run(new ClaimBindingRule()).on("""
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {storageClassName: "", accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
                """)).containsExactly("spec.storageClassName: Not found: \"\": no PersistentVolume in this set can bind "
                + "this claim and storageClassName \"\" turns off dynamic provisioning: the claim stays Pending unless a "
                + "matching volume exists in the cluster");
    }

    @Test
    void aClaimBoundByNameMustFitItsVolume() {
        var claim = """
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec:
                  volumeName: pv
                  accessModes: [ReadWriteOnce, ReadOnlyMany]
                  resources: {requests: {storage: %s}}
                """;
        assertThat(run(new ClaimBindingRule()).on(VOLUME + claim.formatted("5Gi").replace(", ReadOnlyMany", "")))
                .isEmpty();
        assertThat(run(new ClaimBindingRule()).on(VOLUME + claim.formatted("10Gi"))).containsExactly(
                "spec.volumeName: Invalid value: \"pv\": PersistentVolume \"pv\" cannot bind this claim: its capacity "
                        + "5Gi is less than the requested 10Gi; it does not offer access mode \"ReadOnlyMany\"");
        assertThat(run(new ClaimBindingRule()).on(claim.formatted("1Gi"))).containsExactly(
                "spec.volumeName: Not found: \"pv\": no PersistentVolume of that name in this set; it must exist in "
                        + "the cluster");
    }

    @Test
    void storageClassesNamedByClaimsAreInTheSetOrTheCluster() {
        var claims = """
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {storageClassName: fast}
                ---
                kind: StatefulSet
                metadata: {name: db}
                spec: {volumeClaimTemplates: [{spec: {storageClassName: fast}}]}
                """;
        assertThat(run(new StorageClassReferenceRule()).on(claims + """
                ---
                kind: StorageClass
                metadata: {name: fast}
                provisioner: x
                """)).isEmpty();
        assertThat(run(new StorageClassReferenceRule()).problems(claims)).extracting(Problem::message).containsExactly(
                "spec.storageClassName: Not found: \"fast\": no StorageClass of that name in this set; it must exist "
                        + "in the cluster",
                "spec.volumeClaimTemplates[0].spec.storageClassName: Not found: \"fast\": no StorageClass of that name "
                        + "in this set; it must exist in the cluster");
    }

    @Test
    void aClassNameCarriedByAPersistentVolumeNeedsNoStorageClassObject() {
        var staticallyProvisioned = """
                kind: PersistentVolumeClaim
                metadata: {name: data}
                spec: {storageClassName: manual, volumeName: data-pv}
                ---
                kind: PersistentVolume
                metadata: {name: data-pv}
                spec: {storageClassName: manual, capacity: {storage: 1Gi}, hostPath: {path: /mnt/data}}
                """;
        assertThat(run(new StorageClassReferenceRule()).on(staticallyProvisioned)).isEmpty();
    }
}
