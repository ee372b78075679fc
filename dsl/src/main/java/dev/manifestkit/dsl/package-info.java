/**
 * The typed DSL: fluent builders that produce plain fabric8 Kubernetes objects.
 *
 * <p>Start from {@link dev.manifestkit.dsl.K8s} ({@code import static dev.manifestkit.dsl.K8s.*;}).
 * Objects refer to each other through their builders, never through retyped names:
 * {@code selecting(deployment)}, {@code secret.key("K")}, {@code volume(claim)},
 * {@code boundTo(persistentVolume)}, {@code route("/api", service, "http")},
 * {@code serviceName(headlessService)}, {@code imagePullSecret(dockerRegistrySecret)}.
 * Each Service type has its own builder, so options that do not fit the type do not compile.
 *
 * <p>Shared mechanics live in one place each: {@link dev.manifestkit.dsl.ObjectBuilder}
 * (name, labels, annotations, {@code build()}, {@code customize(…)}),
 * {@link dev.manifestkit.dsl.AbstractPodBuilder} (containers, volumes, pod options for Pods and
 * every pod template), {@link dev.manifestkit.dsl.AbstractTemplateBuilder} (the pod template and its
 * labels), {@link dev.manifestkit.dsl.AbstractWorkloadBuilder} (one source for selector and template
 * labels of Deployments, StatefulSets and DaemonSets), {@link dev.manifestkit.dsl.AbstractReplicatedBuilder}
 * (replicas), {@link dev.manifestkit.dsl.AbstractJobBuilder} (a Job spec, for Jobs and the job
 * template of CronJobs), {@link dev.manifestkit.dsl.AbstractServiceBuilder}
 * (ports) and {@link dev.manifestkit.dsl.AbstractSecretBuilder} and
 * {@link dev.manifestkit.dsl.AbstractConfigMapBuilder} (checked keys).
 *
 * <p>Objects created out of band are represented, not faked: {@code existingSecret},
 * {@code existingConfigMap}, {@code existingClaim} and {@code existingServiceAccount} extend the
 * same base type as the written kind (what references accept), say so through
 * {@link dev.manifestkit.dsl.ObjectBuilder#isExisting()}, offer no way to add data, and are
 * declared to the validator by {@code K8s.manifests(…)} instead of being written.
 *
 * <p>Output holds what was asked for and what Kubernetes requires, nothing else: no generated
 * names, no image pull policy, resources or probes unless set. The defaults are where Kubernetes
 * requires a value: a workload's selector, {@code app.kubernetes.io/name: <workload name>}, when no
 * selector label is given, and a Job's pod restartPolicy, {@code Never}, when none is given.
 * Mistakes a type cannot prevent fail at once with an {@link java.lang.IllegalArgumentException}
 * worded like the API server's field errors, e.g.
 * {@code Deployment/web: spec.template.spec.containers[1].name: Duplicate value: "app"}.
 * Secret values never appear in messages or {@code toString()}.
 */
package dev.manifestkit.dsl;
