package dev.manifestkit.validation.rules;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.manifestkit.validation.Rule;

/**
 * Every built-in rule beyond the schema: what the API server enforces ({@code api/…}), references
 * between objects ({@code ref/…}) and best practice ({@code lint/…}). Rules are stateless and
 * thread-safe; one list serves every validator.
 */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            // layer 2: what the API server enforces
            new ObjectNameRule(),
            new LabelSyntaxRule(),
            new AnnotationSyntaxRule(),
            new ObjectMetaRule(),
            new SelectorMatchesTemplateRule(),
            new ContainerNameRule(),
            new PodContainersRule(),
            new UniqueContainerNamesRule(),
            new ContainerImageRule(),
            new PortRangeRule(),
            new PortNameRule(),
            new UniquePortNamesRule(),
            new HostNetworkPortsRule(),
            new SecurityContextRule(),
            new ContainerRestartPolicyRule(),
            new ServerWarningsRule(),
            new PodAnnotationsRule(),
            new VolumeNameRule(),
            new UniqueVolumeNamesRule(),
            new VolumeMountRule(),
            new VolumeSourceRule(),
            new VolumePathsRule(),
            new QuantityRule(),
            new RequestsWithinLimitsRule(),
            new ContainerResourcesRule(),
            new PodResourcesRule(),
            new ResizePolicyRule(),
            new ResourceClaimsRule(),
            new EnvVarNameRule(),
            new EnvValueFromRule(),
            new DownwardApiFilesRule(),
            new ProbeRule(),
            new SchedulingRule(),
            new AffinityRule(),
            new WorkloadRestartPolicyRule(),
            new NonNegativeRule(),
            new UpdateStrategyRule(),
            new CronScheduleRule(),
            new JobSpecRule(),
            new HorizontalPodAutoscalerRule(),
            new DisruptionBudgetRule(),
            new NetworkPolicyRule(),
            new RbacRule(),
            new PriorityClassRule(),
            new ApiServiceRule(),
            new LimitRangeRule(),
            new ResourceQuotaRule(),
            new SupportedValuesRule(),
            new ServicePortsRule(),
            new ServiceTypeFieldsRule(),
            new ServiceAnnotationsRule(),
            new SessionAffinityRule(),
            new IpAddressRule(),
            new ServiceIpFamiliesRule(),
            new DnsConfigRule(),
            new ReferenceNamesRule(),
            new NodePortRangeRule(),
            new IngressHostRule(),
            new IngressPathRule(),
            new IngressBackendRule(),
            new IngressClassRule(),
            new CustomResourceDefinitionRule(),
            new AdmissionWebhookRule(),
            new AccessModesRule(),
            new StorageRequestRule(),
            new PersistentVolumeCapacityRule(),
            new StorageClassProvisionerRule(),
            new StorageClassFieldsRule(),
            new DataKeysRule(),
            new Base64DataRule(),
            new DataSizeRule(),
            new LastAppliedSizeRule(),
            new SecretTypeKeysRule(),
            // layer 3: references between the objects of a set
            new DuplicateObjectRule(),
            new ServiceSelectsPodsRule(),
            new ServiceTargetPortRule(),
            new ProbePortRule(),
            new IngressBackendReferenceRules.ServiceExists(),
            new IngressBackendReferenceRules.PortExists(),
            ConfigReferenceRule.secrets(),
            ConfigReferenceRule.secretKeys(),
            ConfigReferenceRule.configMaps(),
            ConfigReferenceRule.configMapKeys(),
            new ImagePullSecretRule(),
            new ServiceAccountReferenceRule(),
            new ClaimBindingRule(),
            new ClaimReferenceRule(),
            new StorageClassReferenceRule(),
            new StatefulSetServiceRule(),
            // layer 4: best practice
            new ImageTagRule(),
            new LocalImageRule(),
            new ResourcesRule(),
            new ProbesRule(),
            new PrivilegedRule(),
            new PrivilegeEscalationRule(),
            new RunAsRootRule(),
            new HostPathRule(),
            new SharedClaimRule(),
            new DroppedDataSourceRule(),
            new NodePortServiceRule(),
            new SecretLiteralsRule(),
            new SingleReplicaRule(),
            new IgnoreAnnotationRule());

    /**
     * The built-in rules that check a custom resource: the API server validates its ObjectMeta
     * (name, labels, annotations, finalizers, owner references) and its schema, nothing that a
     * built-in kind of the same name is held to; and the ignore annotation serves any object.
     */
    private static final Set<String> FOR_CUSTOM_RESOURCES = Set.of("api/object-name", "api/label-syntax",
            "api/annotation-syntax", "api/object-meta", "api/last-applied-size", "ref/duplicate-object",
            IgnoreAnnotationRule.ID);

    private static final Set<Rule> KIND_SPECIFIC = kindSpecific();

    private static Set<Rule> kindSpecific() {
        var rules = Collections.newSetFromMap(new IdentityHashMap<Rule, Boolean>());
        ALL.stream().filter(rule -> !FOR_CUSTOM_RESOURCES.contains(rule.id())).forEach(rules::add);
        return Collections.unmodifiableSet(rules);
    }

    private Rules() {
    }

    /**
     * False for a built-in rule that checks what a built-in kind must be (a Service's ports, a
     * Job's template), which says nothing of a custom resource that shares the kind's name;
     * true for the ObjectMeta rules, {@code lint/ignore-annotation} and rules other than the
     * built-in ones.
     */
    public static boolean checksCustomResources(Rule rule) {
        return !KIND_SPECIFIC.contains(rule);
    }

    /** Every built-in rule, in layer order (API, references, best practice). */
    public static List<Rule> all() {
        return ALL;
    }

    /** The rule with this id ({@code api/port-range}), if any. */
    public static Optional<Rule> byId(String id) {
        for (var rule : ALL) {
            if (rule.id().equals(id)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * True if a best-practice rule only reports under the {@code prod} profile (the validator
     * may use it to list the rules a profile runs).
     */
    public static boolean isProdOnly(Rule rule) {
        return rule instanceof LintRule lint && lint.prodOnly();
    }

    /**
     * The rule list as a Markdown table (id, layer, default severity, description), as the
     * README and {@code validation/RULES.md} show it.
     */
    public static String markdownTable() {
        var sb = new StringBuilder("| rule id | layer | default severity | description |\n| --- | --- | --- | --- |\n");
        for (var rule : ALL) {
            sb.append("| `").append(rule.id()).append("` | ")
                    .append(rule.layer().name().toLowerCase(Locale.ROOT).replace('_', '-')).append(" | ")
                    .append(rule.defaultSeverity().label()).append(" | ")
                    .append(rule.description().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }
}
