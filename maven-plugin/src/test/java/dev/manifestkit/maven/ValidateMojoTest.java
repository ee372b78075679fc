package dev.manifestkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateMojoTest {

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports:
              - port: 80
            """;

    @TempDir
    Path root;

    private Path kubernetes;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void folder() throws Exception {
        kubernetes = Files.createDirectories(root.resolve("src/main/kubernetes"));
    }

    private ValidateMojo mojo() {
        var mojo = new ValidateMojo();
        mojo.directory = kubernetes.toFile();
        mojo.basedir = root.toFile();
        mojo.kubernetesVersion = "1.35";
        mojo.profile = "dev";
        mojo.failOn = "error";
        mojo.executionRoot = root.toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("[INFO] " + content);
            }

            @Override
            public void warn(CharSequence content) {
                log.add("[WARNING] " + content);
            }
        });
        return mojo;
    }

    private static String path(String first, String... more) {
        return String.join(File.separator, first, String.join(File.separator, more));
    }

    @Test
    void logsOneLinePerFileAndLeavesKustomizeConfigurationAlone() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);
        Files.createDirectories(kubernetes.resolve("config"));
        Files.writeString(kubernetes.resolve("config/settings.yml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  A: \"1\"\n");
        Files.writeString(kubernetes.resolve("config/account.json"),
                "{\"apiVersion\": \"v1\", \"kind\": \"ServiceAccount\", \"metadata\": {\"name\": \"runner\"}}\n");
        Files.writeString(kubernetes.resolve("kustomization.yaml"), "resources:\n- service.yaml\n");
        Files.writeString(kubernetes.resolve("README.md"), "not yaml");

        mojo().execute();

        assertThat(log).containsExactly(
                "[INFO] manifestkit: " + path("src", "main", "kubernetes", "config", "account.json")
                        + ": 1 object (ServiceAccount 1), 0 errors, 0 warnings",
                "[INFO] manifestkit: " + path("src", "main", "kubernetes", "config", "settings.yml")
                        + ": 1 object (ConfigMap 1), 0 errors, 0 warnings",
                "[INFO] manifestkit: " + path("src", "main", "kubernetes", "service.yaml")
                        + ": 1 object (Service 1), 0 errors, 0 warnings");
    }

    @Test
    void problemsNameFileLineObjectPathAndRule() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE.replace("port: 80", "port: \"http\""));

        assertThatThrownBy(mojo()::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("manifestkit: 1 problem in " + path("src", "main", "kubernetes")
                        + " at or above failOn=error:")
                .hasMessageContaining("  " + path("src", "main", "kubernetes", "service.yaml")
                        + ":7:5: Service/web: spec.ports[0].port: Invalid value: \"http\"")
                .hasMessageEndingWith("[schema]");
    }

    @Test
    void theReportFileIsWrittenEvenWhenTheBuildFails() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE.replace("port: 80", "port: \"http\""));
        Files.writeString(kubernetes.resolve("broken.yaml"), "kind: [\n");
        var mojo = mojo();
        mojo.reportFile = root.resolve("target/manifestkit-report.xml").toFile();
        mojo.reportFormat = "junit";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        assertThat(Files.readString(root.resolve("target/manifestkit-report.xml")))
                .startsWith("<?xml")
                .contains("<testsuite")
                .contains("spec.ports[0].port")
                .contains("broken.yaml");
    }

    @Test
    void theReportNamesFilesAsTheLogDoesRelativeToWhereMavenStarted() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE.replace("port: 80", "port: \"http\""));
        Files.writeString(kubernetes.resolve("broken.yaml"), "kind: [\n");
        var mojo = mojo();
        mojo.reportFile = root.resolve("target/manifestkit-report.json").toFile();
        mojo.reportFormat = "json";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        var report = Files.readString(root.resolve("target/manifestkit-report.json"));
        assertThat(report).contains("\"file\" : \"src/main/kubernetes/service.yaml\"",
                "\"file\" : \"src/main/kubernetes/broken.yaml\"");
        assertThat(report).doesNotContain(root.toString());
    }

    @Test
    void aReportFileWithALongMultiByteNameIsWritten() throws Exception {
        // 120 characters, 240 bytes of UTF-8: a valid name, whose temporary sibling must be cut by bytes
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "file names are UTF-8");
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);
        var mojo = mojo();
        var name = "\u00e9".repeat(116) + ".xml";
        mojo.reportFile = root.resolve("target").resolve(name).toFile();
        mojo.reportFormat = "junit";

        mojo.execute();

        assertThat(Files.readString(root.resolve("target").resolve(name))).startsWith("<?xml");
    }

    @Test
    void aReportFileThatIsALinkIsWrittenThroughTheLink() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);
        var reports = Files.createDirectories(root.resolve("reports"));
        var real = Files.writeString(reports.resolve("report.xml"), "old");
        var link = Files.createSymbolicLink(root.resolve("report.xml"), real);
        var mojo = mojo();
        mojo.reportFile = link.toFile();
        mojo.reportFormat = "junit";

        mojo.execute();

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).startsWith("<?xml");
    }

    @Test
    void anUnknownReportFormatIsAConfigurationError() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);
        var mojo = mojo();
        mojo.reportFile = root.resolve("report.txt").toFile();
        mojo.reportFormat = "html";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: reportFormat: output format must be one of text, json, junit; got 'html'");
    }

    @Test
    void nodePortsAreCheckedAgainstTheConfiguredRange() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"),
                SERVICE.replace("ports:", "type: NodePort\n  ports:").replace("port: 80", "port: 80\n    nodePort: 20080"));

        assertThatThrownBy(mojo()::execute).hasMessageContaining(
                "spec.ports[0].nodePort: Invalid value: 20080: provided port is not in the valid range. "
                        + "The range of valid ports is 30000-32767 [api/node-port-range]");

        var widened = mojo();
        widened.nodePortRange = "20000-32767";
        widened.execute();
        assertThat(log).last().asString().endsWith("service.yaml: 1 object (Service 1), 0 errors, 0 warnings");
    }

    @Test
    void anUnknownFailOnIsAConfigurationError() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);
        var mojo = mojo();
        mojo.failOn = "warnings";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: failOn must be one of error, warning; got 'warnings'");
        assertThat(log).isEmpty();
    }

    @Test
    void aMalformedNodePortRangeIsAConfigurationError() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);
        var mojo = mojo();
        mojo.nodePortRange = "32767-30000";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: nodePortRange: invalid port range '32767-30000': "
                + "the end port 30000 is below the start port 32767");
    }

    @Test
    void malformedYamlIsAProblemOfItsFileNotACrash() throws Exception {
        Files.writeString(kubernetes.resolve("broken.yaml"), "apiVersion: v1\nkind: [Service\n");
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);

        assertThatThrownBy(mojo()::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("  " + path("src", "main", "kubernetes", "broken.yaml") + ":");
        assertThat(log).contains("[INFO] manifestkit: " + path("src", "main", "kubernetes", "service.yaml")
                + ": 1 object (Service 1), 0 errors, 0 warnings");
    }

    @Test
    void theItemsOfAKindListAreValidatedAsObjectsAsKubectlAndTheCliDo() throws Exception {
        Files.writeString(kubernetes.resolve("list.yaml"), """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata:
                    name: settings
                - apiVersion: v1
                  kind: Service
                  metadata:
                    name: web
                  spec:
                    ports:
                    - port: "http"
                """);

        assertThatThrownBy(mojo()::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("manifestkit: 1 problem in ")
                .hasMessageContaining("  " + path("src", "main", "kubernetes", "list.yaml")
                        + ":14:7: Service/web: spec.ports[0].port: Invalid value: \"http\"");
        assertThat(log).containsExactly("[INFO] manifestkit: " + path("src", "main", "kubernetes", "list.yaml")
                + ": 2 objects (ConfigMap 1, Service 1), 1 error, 0 warnings");
    }

    @Test
    void aListItemThatIsNotAnObjectIsAProblemOfItsFile() throws Exception {
        Files.writeString(kubernetes.resolve("list.yaml"), "apiVersion: v1\nkind: List\nitems:\n- 7\n");

        assertThatThrownBy(mojo()::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("  " + path("src", "main", "kubernetes", "list.yaml")
                        + ":4:3: List/?: items[0]: Invalid value: a List item must be an object [input/type-meta]");
    }

    @Test
    void aMissingDefaultDirectoryIsOneInfoLineAndPasses() throws Exception {
        Files.delete(kubernetes);
        var mojo = mojo();
        mojo.directory = null;

        mojo.execute();

        assertThat(log).containsExactly("[INFO] manifestkit: no " + path("src", "main", "kubernetes")
                + " folder, nothing to validate");
    }

    @Test
    void theDefaultDirectoryIsReadWhenItExists() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE.replace("port: 80", "port: \"http\""));
        var mojo = mojo();
        mojo.directory = null;

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("manifestkit: 1 problem in " + path("src", "main", "kubernetes"));
    }

    @Test
    void aMissingConfiguredDirectoryFailsNamingIt() throws Exception {
        var mojo = mojo();
        mojo.directory = root.resolve("src/manifests").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: directory " + path("src", "manifests") + " does not exist; set <directory>"
                        + " to where the YAML files are, or skip with -Dmanifestkit.skip");
    }

    @Test
    void aConfiguredDirectoryThatIsTheDefaultOneMustExistToo() throws Exception {
        Files.delete(kubernetes);

        assertThatThrownBy(mojo()::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: directory " + path("src", "main", "kubernetes") + " does not exist;"
                        + " set <directory> to where the YAML files are, or skip with -Dmanifestkit.skip");
    }

    @Test
    void aDefaultDirectoryThatIsAFileFails() throws Exception {
        Files.delete(kubernetes);
        Files.writeString(kubernetes, SERVICE);
        var mojo = mojo();
        mojo.directory = null;

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: " + path("src", "main", "kubernetes") + " is not a directory;"
                        + " set <directory> to where the YAML files are, or skip with -Dmanifestkit.skip");
    }

    @Test
    void anEmptyDirectoryIsAWarningAndPassesDefaultOrConfigured() throws Exception {
        Files.writeString(kubernetes.resolve("README.md"), "not yaml");
        var configured = mojo();
        configured.execute();
        var byDefault = mojo();
        byDefault.directory = null;
        byDefault.execute();

        var line = "[WARNING] manifestkit: no .yaml, .yml or .json files in " + path("src", "main", "kubernetes");
        assertThat(log).containsExactly(line, line);
    }

    @Test
    void theConfigurationIsCheckedEvenWithNothingToValidate() throws Exception {
        Files.delete(kubernetes);
        var mojo = mojo();
        mojo.directory = null;
        mojo.disable = List.of("lint/no-such-rule");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: disable: no rule has the id 'lint/no-such-rule'");
        assertThat(log).isEmpty();
    }

    /** A valid Service with one warning: externalName, which a ClusterIP Service ignores. */
    private static final String WARNED_SERVICE = SERVICE.replace("spec:", "spec:\n  externalName: web.example.com");

    @Test
    void disableTurnsRulesOffByIdOrPrefixAsTheCommandLineDoes() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), WARNED_SERVICE);
        var summary = path("src", "main", "kubernetes", "service.yaml") + ": 1 object (Service 1), 0 errors, ";
        mojo().execute();
        assertThat(log).hasSize(2).first().isEqualTo("[INFO] manifestkit: " + summary + "1 warning");
        assertThat(log).last().asString().endsWith("[api/server-warnings]");
        log.clear();

        for (var disable : List.of(List.of("api/server-warnings"), List.of("lint", "api"),
                List.of(" lint , api/server-warnings "), List.of("lint,api/server-warnings"))) {
            var mojo = mojo();
            mojo.disable = disable;
            mojo.execute();
        }

        assertThat(log).hasSize(4).containsOnly("[INFO] manifestkit: " + summary + "0 warnings");
    }

    @Test
    void severitiesRegradeARuleOrEveryRuleUnderAPrefix() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), WARNED_SERVICE);
        var failing = mojo();
        failing.severities = List.of("api/server-warnings=error");

        assertThatThrownBy(failing::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("manifestkit: 1 problem in ")
                .hasMessageEndingWith("[api/server-warnings]");

        log.clear();
        var quiet = mojo();
        // the most specific id wins, whatever the order; levels are case-insensitive
        quiet.severities = List.of("api/server-warnings=INFO", "api=error");
        quiet.execute();
        assertThat(log).containsExactly("[INFO] manifestkit: " + path("src", "main", "kubernetes", "service.yaml")
                + ": 1 object (Service 1), 0 errors, 0 warnings");
    }

    @Test
    void anIdNamingNoRuleIsAConfigurationErrorNamingTheParameter() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);
        var disable = mojo();
        disable.disable = List.of("lint/host-path", "lint/hostpath");
        var severities = mojo();
        severities.severities = List.of("lint=warning,lints=error");
        // a prefix ends at a slash, and is written without it, as the builder takes it
        var slash = mojo();
        slash.disable = List.of("lint/");

        assertThatThrownBy(disable::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: disable: no rule has the id 'lint/hostpath'");
        assertThatThrownBy(severities::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: severities: no rule has the id 'lints'");
        assertThatThrownBy(slash::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: disable: no rule has the id 'lint/'");
    }

    @Test
    void aSeverityThatIsNotIdEqualsLevelIsAConfigurationError() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);
        for (var entry : List.of("lint/probes", "lint/probes=fatal", "=error", "lint/probes=")) {
            var mojo = mojo();
            mojo.severities = List.of(entry);

            assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                    .hasMessage("manifestkit: severities: '" + entry + "' is not ID=LEVEL with LEVEL error, warning"
                            + " or info (lint/probes=error)");
        }
    }

    @Test
    void aConfigurationErrorStaysOneLineWhateverTheIdHolds() throws Exception {
        var mojo = mojo();
        mojo.disable = List.of("lint\n  probes");

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: disable: no rule has the id 'lint\\n  probes'");
    }

    @Test
    void skipReadsNothing() throws Exception {
        Files.writeString(kubernetes.resolve("broken.yaml"), "kind: [");
        var mojo = mojo();
        mojo.skip = true;

        mojo.execute();

        assertThat(log).containsExactly("[INFO] manifestkit: validate skipped (manifestkit.skip)");
    }

    @Test
    void aFolderThatCannotBeListedIsOneLineNotAStackTrace() throws Exception {
        Files.writeString(kubernetes.resolve("service.yaml"), SERVICE);
        var locked = Files.createDirectories(kubernetes.resolve("locked"));
        Files.writeString(locked.resolve("a.yaml"), SERVICE);
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(locked), "runs as a user who may read anything");

            assertThatThrownBy(mojo()::execute)
                    .isInstanceOf(org.apache.maven.plugin.MojoExecutionException.class)
                    .hasMessage("manifestkit: cannot list " + kubernetes + ": " + locked + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }
}
