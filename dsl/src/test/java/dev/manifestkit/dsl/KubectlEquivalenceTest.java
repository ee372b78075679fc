package dev.manifestkit.dsl;

import static dev.manifestkit.dsl.K8s.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.node.ObjectNode;

/**
 * For every object kubectl can generate, the DSL builds the same object. Both sides are compared
 * as normalized trees: kubectl's {@code creationTimestamp: null}, {@code status} and empty values
 * ({@code resources: {}}, {@code strategy: {}}) are dropped. Where manifestkit deliberately writes
 * something different, the test says so next to the adjustment.
 *
 * <p>A recurring one: kubectl labels everything {@code app: <name>} and selects on it; the DSL's
 * own default selector is {@code app.kubernetes.io/name: <name>}, so these tests ask for
 * {@code app} explicitly. And kubectl writes {@code protocol: TCP} and a generated port name on
 * Services, which the DSL only writes when asked (Kubernetes defaults the protocol to TCP).
 */
class KubectlEquivalenceTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void kubectlIsInstalled() {
        Assumptions.assumeTrue(Kubectl.available(), "kubectl is not installed");
    }

    private static ObjectNode kubectl(String... args) throws Exception {
        return Trees.ofYaml(Kubectl.dryRun(dir, args));
    }

    private static ObjectNode dsl(ObjectBuilder<?, ?, ?> builder) {
        return Trees.of((HasMetadata) builder.build());
    }

    @Test
    void createDeployment() throws Exception {
        var expected = kubectl("create", "deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=80");

        var web = deployment("web")
                .label("app", "web")                // kubectl labels the Deployment itself; the DSL only when asked
                .selectorLabel("app", "web")        // instead of the DSL's default app.kubernetes.io/name: web
                .replicas(2)
                .container(container("nginx", "nginx:1.27").port(80));

        assertThat(dsl(web)).isEqualTo(expected);
    }

    @Test
    void createServiceClusterIp() throws Exception {
        var expected = kubectl("create", "service", "clusterip", "db", "--tcp=5432:5432");

        var db = clusterIpService("db").label("app", "db").selector("app", "db")
                .port("5432-5432", 5432).protocol(Protocol.TCP).targetPort(5432);

        assertThat(dsl(db)).isEqualTo(expected);
    }

    @Test
    void createServiceClusterIpWithSeveralPorts() throws Exception {
        var expected = kubectl("create", "service", "clusterip", "web", "--tcp=80:8080", "--tcp=443:8443");

        var web = clusterIpService("web").label("app", "web").selector("app", "web")
                .port("80-8080", 80).protocol(Protocol.TCP).targetPort(8080)
                .port("443-8443", 443).protocol(Protocol.TCP).targetPort(8443);

        assertThat(dsl(web)).isEqualTo(expected);
    }

    @Test
    void createServiceClusterIpHeadless() throws Exception {
        var expected = kubectl("create", "service", "clusterip", "hl", "--clusterip=None");

        var headless = headlessService("hl").label("app", "hl").selector("app", "hl");

        assertThat(dsl(headless)).isEqualTo(expected);
    }

    @Test
    void createServiceNodePort() throws Exception {
        var expected = kubectl("create", "service", "nodeport", "client-node-port", "--tcp=3050:3000",
                "--node-port=31515");

        var nodePort = nodePortService("client-node-port").label("app", "client-node-port")
                .selector("app", "client-node-port")
                .port("3050-3000", 3050).protocol(Protocol.TCP).targetPort(3000).nodePort(31515);

        assertThat(dsl(nodePort)).isEqualTo(expected);
    }

    @Test
    void createServiceLoadBalancer() throws Exception {
        var expected = kubectl("create", "service", "loadbalancer", "lb", "--tcp=80:3000");

        var lb = loadBalancerService("lb").label("app", "lb").selector("app", "lb")
                .port("80-3000", 80).protocol(Protocol.TCP).targetPort(3000);

        assertThat(dsl(lb)).isEqualTo(expected);
    }

    @Test
    void createServiceExternalName() throws Exception {
        var expected = kubectl("create", "service", "externalname", "legacy", "--external-name=db.example.com");

        // kubectl writes a selector on an ExternalName Service, where Kubernetes ignores it; the DSL
        // cannot (there is no selecting(…) on the type), so the escape hatch adds it here.
        var legacy = externalNameService("legacy", "db.example.com").label("app", "legacy")
                .customize(b -> b.editSpec().addToSelector("app", "legacy").endSpec());

        assertThat(dsl(legacy)).isEqualTo(expected);
    }

    @Test
    void createSecretGeneric() throws Exception {
        var file = Files.writeString(dir.resolve("user.txt"), "postgres\n");
        var expected = kubectl("create", "secret", "generic", "pgpassword", "--from-literal=PGPASSWORD=s3=cr3t",
                "--from-file=user.txt", "--from-file=renamed=user.txt");

        var secret = secret("pgpassword").fromLiteral("PGPASSWORD=s3=cr3t").fromFile(file).fromFile("renamed", file);

        assertThat(dsl(secret)).isEqualTo(expected);
    }

    @Test
    void createSecretGenericWithTypeFromADirectory() throws Exception {
        var auth = Files.createDirectories(dir.resolve("basic-auth"));
        Files.writeString(auth.resolve("username"), "admin");
        Files.writeString(auth.resolve("password"), "t0p-Secret");
        var expected = kubectl("create", "secret", "generic", "basic", "--type=kubernetes.io/basic-auth",
                "--from-file=basic-auth");

        var basic = secret("basic").type("kubernetes.io/basic-auth").fromFile(auth).immutable();

        // kubectl has no flag for immutable; the escape hatch is not needed on the DSL side, so the
        // expectation gets it instead.
        expected.put("immutable", true);
        assertThat(dsl(basic)).isEqualTo(expected);
    }

    @Test
    void createSecretGenericFromEnvFile() throws Exception {
        // BOM, comment, blank line, leading blanks trimmed, '=' inside the value, trailing blanks kept, empty value
        var envFile = Files.write(dir.resolve("app.env"),
                "\uFEFF# settings\nPGHOST=postgres\r\n  PGPORT=5432\nGREETING= hello = world \n\nEMPTY=\n"
                        .getBytes(StandardCharsets.UTF_8));
        var expected = kubectl("create", "secret", "generic", "settings", "--from-env-file=app.env");

        // kubectl refuses to combine --from-env-file with other sources; the DSL allows it.
        assertThat(dsl(secret("settings").fromEnvFile(envFile))).isEqualTo(expected);
    }

    @Test
    void createConfigMapFromEnvFile() throws Exception {
        var envFile = Files.writeString(dir.resolve("config.env"), "MODE=production\nLEVEL=debug\n");
        var expected = kubectl("create", "configmap", "settings", "--from-env-file=config.env");

        assertThat(dsl(configMap("settings").fromEnvFile(envFile))).isEqualTo(expected);
    }

    @Test
    void createSecretDockerRegistry() throws Exception {
        var expected = kubectl("create", "secret", "docker-registry", "regcred", "--docker-server=registry.example.com",
                "--docker-username=u", "--docker-password=p&<>\"ss", "--docker-email=e@example.com");

        var regcred = dockerRegistrySecret("regcred").server("registry.example.com")
                .username("u").password("p&<>\"ss").email("e@example.com");

        assertThat(dsl(regcred)).isEqualTo(expected);
    }

    @Test
    void createSecretDockerRegistryForDockerHubWithoutEmail() throws Exception {
        var expected = kubectl("create", "secret", "docker-registry", "hub", "--docker-username=u",
                "--docker-password=p");

        assertThat(dsl(dockerRegistrySecret("hub").username("u").password("p"))).isEqualTo(expected);
    }

    @Test
    void createSecretTls() throws Exception {
        var cert = Fixtures.path("tls/rsa.crt");
        var key = Fixtures.path("tls/rsa.key");
        var expected = kubectl("create", "secret", "tls", "web-tls", "--cert=" + cert, "--key=" + key);

        assertThat(dsl(tlsSecret("web-tls", cert, key))).isEqualTo(expected);
    }

    @Test
    void createConfigMap() throws Exception {
        var text = Files.writeString(dir.resolve("nginx.conf"), "server { listen 80; }\n");
        var binary = Files.write(dir.resolve("logo.bin"), new byte[] {(byte) 0xff, 0x00, (byte) 0xfe});
        var expected = kubectl("create", "configmap", "web-config", "--from-literal=mode=production",
                "--from-literal=replicas=3", "--from-file=nginx.conf", "--from-file=" + binary);

        var config = configMap("web-config").literal("mode", "production").fromLiteral("replicas=3")
                .fromFile(text).fromFile(binary);

        assertThat(dsl(config)).isEqualTo(expected);
    }

    @Test
    void createIngress() throws Exception {
        var expected = kubectl("create", "ingress", "ingress-service", "--class=nginx",
                "--rule=/api*=server-cluster-ip-service:5000", "--rule=/*=client-cluster-ip-service:3000");

        var server = clusterIpService("server-cluster-ip-service").port(5000);
        var client = clusterIpService("client-cluster-ip-service").port(3000);
        var ingress = ingress("ingress-service").className("nginx")
                .route("/api", server)
                .route("/", client);

        assertThat(dsl(ingress)).isEqualTo(expected);
    }

    @Test
    void createIngressWithHostTlsAndDefaultBackend() throws Exception {
        var expected = kubectl("create", "ingress", "simple", "--rule=foo.com/bar=svc1:8080,tls=my-cert",
                "--default-backend=defsvc:http");

        var svc1 = clusterIpService("svc1").port(8080);
        var defsvc = clusterIpService("defsvc").port("http", 80);
        var ingress = ingress("simple")
                .defaultBackend(defsvc, "http")
                .host("foo.com").route(PathType.EXACT, "/bar", svc1, 8080)    // kubectl: no '*', so Exact
                .tls(existingSecret("my-cert", "tls.crt", "tls.key"), "foo.com");

        assertThat(dsl(ingress)).isEqualTo(expected);
    }

    @Test
    void createJob() throws Exception {
        var expected = kubectl("create", "job", "pi", "--image=perl:5.40", "--", "perl", "-Mbignum=bpi", "-wle",
                "print bpi(2000)");

        // kubectl writes restartPolicy: Never, the DSL's choice too when none is given; neither writes
        // a selector or manualSelector, which the API server generates
        var pi = job("pi").container(container("pi", "perl:5.40").command("perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"));

        assertThat(dsl(pi)).isEqualTo(expected);
    }

    @Test
    void createCronJob() throws Exception {
        var expected = kubectl("create", "cronjob", "cleanup", "--image=busybox:1.37", "--schedule=*/5 * * * *",
                "--", "sh", "-c", "rm -rf /tmp/cache/*");
        // kubectl names the job template after the CronJob (spec.jobTemplate.metadata.name), which the
        // API server ignores: the Jobs get generated names. The DSL does not write it.
        ((ObjectNode) expected.at("/spec/jobTemplate")).remove("metadata");

        // kubectl create cronjob picks restartPolicy OnFailure where kubectl create job picks Never;
        // the DSL picks Never for both, so the CronJob asks for OnFailure here
        var cleanup = cronJob("cleanup", "*/5 * * * *").restartPolicy(JobRestartPolicy.ON_FAILURE)
                .container(container("cleanup", "busybox:1.37").command("sh", "-c", "rm -rf /tmp/cache/*"));

        assertThat(dsl(cleanup)).isEqualTo(expected);
    }

    @Test
    void createCronJobWithRestartNeverIsTheDslsDefault() throws Exception {
        var expected = kubectl("create", "cronjob", "report", "--image=busybox:1.37", "--schedule=@daily",
                "--restart=Never");
        ((ObjectNode) expected.at("/spec/jobTemplate")).remove("metadata");

        assertThat(dsl(cronJob("report", "@daily").container(container("report", "busybox:1.37")))).isEqualTo(expected);
    }

    @Test
    void runPod() throws Exception {
        var expected = Trees.ofYaml(Kubectl.run(dir, "nginx", "--image=nginx:1.27", "--port=80", "--env=A=b",
                "--labels=run=nginx"));
        // kubectl run also writes dnsPolicy: ClusterFirst, which is Kubernetes' default; the DSL
        // writes no hidden defaults, so it is removed from kubectl's side. restartPolicy: Always is
        // the default too, but a Pod's restart policy is worth stating, so the DSL asks for it.
        ((ObjectNode) expected.get("spec")).remove("dnsPolicy");

        var pod = pod("nginx").label("run", "nginx").restartPolicy(RestartPolicy.ALWAYS)
                .container(container("nginx", "nginx:1.27").port(80).env("A", "b"));

        assertThat(dsl(pod)).isEqualTo(expected);
    }
}
