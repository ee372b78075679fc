package dev.manifestkit.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options that do not fit a type do not compile. Each snippet is compiled with javax.tools against
 * the test class path; a control snippet that uses the same builders correctly must compile, so
 * a failure cannot come from a broken harness.
 */
class MisuseDoesNotCompileTest {

    @TempDir
    Path out;

    private List<Diagnostic<? extends JavaFileObject>> compile(String statements) {
        var compiler = ToolProvider.getSystemJavaCompiler();
        Assumptions.assumeTrue(compiler != null, "no system Java compiler (running on a JRE)");
        var source = """
                import static dev.manifestkit.dsl.K8s.*;
                class Snippet {
                    void snippet() {
                        var web = deployment("web").container(container("web", "nginx:1.27").port(80));
                        %s
                    }
                }
                """.formatted(statements);
        var file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        var options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                "-proc:none", "-Xlint:none");
        compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    private static List<String> messages(List<Diagnostic<? extends JavaFileObject>> errors) {
        return errors.stream().map(d -> d.getMessage(Locale.ROOT)).toList();
    }

    @Test
    void correctUseCompiles() {
        assertThat(messages(compile("""
                nodePortService("np").selecting(web).port(80).nodePort(30080);
                loadBalancerService("lb").selecting(web).port(80).nodePort(30081);
                clusterIpService("web").selecting(web).port(80);
                externalNameService("legacy", "db.example.com").port(5432);
                ingress("in").route("/", clusterIpService("web").port(80));
                statefulSet("db").serviceName(headlessService("db"));
                projected("identity", serviceAccountToken("token", 3600), projection(configMap("c")));
                hostPath("sock", "/run/agent.sock", dev.manifestkit.dsl.HostPathType.SOCKET);
                var settings = existingConfigMap("settings", "LOG_LEVEL");
                deployment("worker").serviceAccount(existingServiceAccount("worker"))
                        .container(container("worker", "nginx:1.27").env("LOG_LEVEL", settings.key("LOG_LEVEL"))
                                .envFrom(settings).mount(volume(existingClaim("data")), "/data"));
                statefulSet("db").volumeClaimTemplate(persistentVolumeClaim("data"));
                statefulSet("db").rollingUpdate(1, "25%").podManagementPolicy(dev.manifestkit.dsl.PodManagementPolicy.PARALLEL)
                        .claimsWhenDeleted(dev.manifestkit.dsl.ClaimRetentionPolicy.DELETE);
                container("c", "nginx:1.27").envFrom(configMap("c"), prefix("C_"), optional());
                var agent = daemonSet("agent").rollingUpdate("1", "0").minReadySeconds(5).revisionHistoryLimit(3)
                        .container(container("agent", "busybox:1.37"));
                clusterIpService("agent").selecting(agent).port(80);
                job("once").restartPolicy(dev.manifestkit.dsl.JobRestartPolicy.ON_FAILURE).completions(3)
                        .completionMode(dev.manifestkit.dsl.CompletionMode.INDEXED);
                cronJob("nightly", "@daily").restartPolicy(dev.manifestkit.dsl.JobRestartPolicy.NEVER).backoffLimit(1)
                        .concurrencyPolicy(dev.manifestkit.dsl.ConcurrencyPolicy.FORBID).suspend();
                """))).isEmpty();
    }

    @Test
    void anExistingObjectOffersNoWayToAddData() {
        assertThat(messages(compile("""
                existingConfigMap("settings").literal("LOG_LEVEL", "info");
                existingConfigMap("settings").fromFile(java.nio.file.Path.of("app.yaml"));
                existingConfigMap("settings").immutable();
                existingSecret("db").literal("password", "x");
                existingClaim("data").request("1Gi");
                existingClaim("data").readWriteOnce();
                existingServiceAccount("worker").automountToken(false);
                """))).hasSize(7).allSatisfy(m -> assertThat(m).contains("cannot find symbol"));
    }

    @Test
    void aStatefulSetClaimTemplateIsANewClaimNotAnExistingOne() {
        assertThat(messages(compile("statefulSet(\"db\").volumeClaimTemplate(existingClaim(\"data\"));")))
                .singleElement().asString().contains("ExistingClaim cannot be converted to dev.manifestkit.dsl.PersistentVolumeClaimBuilder");
    }

    @Test
    void nodePortOnAClusterIpServiceDoesNotCompile() {
        assertThat(messages(compile("clusterIpService(\"web\").selecting(web).port(80).nodePort(30080);")))
                .singleElement().asString().contains("cannot find symbol").contains("nodePort(int)");
    }

    @Test
    void selectingOnAnExternalNameServiceDoesNotCompile() {
        assertThat(messages(compile("externalNameService(\"legacy\", \"db.example.com\").selecting(web);")))
                .singleElement().asString().contains("cannot find symbol").contains("selecting");
    }

    @Test
    void routeToSomethingThatIsNotAServiceDoesNotCompile() {
        assertThat(messages(compile("ingress(\"in\").route(\"/\", web);")))
                .singleElement().asString()
                .contains("DeploymentBuilder cannot be converted to dev.manifestkit.dsl.AbstractServiceBuilder");
    }

    @Test
    void routeToAServiceNameStringDoesNotCompile() {
        assertThat(messages(compile("ingress(\"in\").route(\"/\", \"web\");")))
                .singleElement().asString()
                .contains("String cannot be converted to dev.manifestkit.dsl.AbstractServiceBuilder");
    }

    @Test
    void statefulSetServiceNameMustBeAHeadlessService() {
        assertThat(messages(compile("statefulSet(\"db\").serviceName(clusterIpService(\"db\"));")))
                .singleElement().asString().contains("incompatible types");
    }

    @Test
    void externalNameHasNoTargetPortAndClusterIpHasNoExternalName() {
        assertThat(messages(compile("""
                externalNameService("legacy", "db.example.com").port(80).targetPort(8080);
                clusterIpService("web").externalName();
                """))).hasSize(2).allSatisfy(m -> assertThat(m).contains("cannot find symbol"));
    }

    @Test
    void aProjectedVolumeTakesProjectionsNotVolumesOrNames() {
        assertThat(messages(compile("""
                projected("identity", volume(configMap("c")));
                projected("identity", "c");
                """))).hasSize(2).allSatisfy(m -> assertThat(m).contains("no suitable method found for projected"));
    }

    @Test
    void aHostPathTypeIsAnEnumNotAString() {
        assertThat(messages(compile("hostPath(\"sock\", \"/run/agent.sock\", \"Socket\");")))
                .singleElement().asString().contains("String cannot be converted to dev.manifestkit.dsl.HostPathType");
    }

    @Test
    void statefulSetAndDeploymentUpdatesKeepToTheirKind() {
        assertThat(messages(compile("""
                statefulSet("db").rollingUpdate("1", "1");
                deployment("web").onDelete();
                deployment("web").podManagementPolicy(dev.manifestkit.dsl.PodManagementPolicy.PARALLEL);
                """))).hasSize(3);
        assertThat(messages(compile("statefulSet(\"db\").podManagementPolicy(\"Parallel\");")))
                .singleElement().asString()
                .contains("String cannot be converted to dev.manifestkit.dsl.PodManagementPolicy");
    }

    @Test
    void aJobsRestartPolicyCannotBeAlways() {
        assertThat(messages(compile("""
                job("once").restartPolicy(dev.manifestkit.dsl.RestartPolicy.NEVER);
                cronJob("nightly", "@daily").restartPolicy(dev.manifestkit.dsl.RestartPolicy.ALWAYS);
                job("once").restartPolicy(dev.manifestkit.dsl.JobRestartPolicy.ALWAYS);
                """))).hasSize(3).allSatisfy(m -> assertThat(m).containsAnyOf(
                        "RestartPolicy cannot be converted to dev.manifestkit.dsl.JobRestartPolicy", "cannot find symbol"));
    }

    @Test
    void aJobHasNoSelectorAndADaemonSetNoReplicas() {
        assertThat(messages(compile("""
                job("once").selectorLabel("app", "once");
                cronJob("nightly", "@daily").replicas(2);
                daemonSet("agent").replicas(3);
                daemonSet("agent").partition(1);
                job("once").schedule("@daily");
                """))).hasSize(5).allSatisfy(m -> assertThat(m).contains("cannot find symbol"));
    }

    @Test
    void theClassPathReachesTheDsl() {
        assertThat(messages(compile("dev.manifestkit.dsl.K8s.class.getName();"))).isEmpty();
    }
}
