package dev.manifestkit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.manifestkit.maven.sources.Shop;

class GenerateMojoTest {

    private static final String SHOP = Shop.class.getName();

    @TempDir
    Path root;

    private final List<String> log = new ArrayList<>();

    private GenerateMojo mojo(String... sources) throws URISyntaxException {
        var classes = Path.of(Shop.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        var mojo = new GenerateMojo();
        mojo.sources = List.of(sources);
        mojo.packages = List.of();
        mojo.outputDirectory = root.resolve("target/manifests").toFile();
        mojo.layout = "object";
        mojo.kustomization = true;
        mojo.classesDirectory = classes.toFile();
        mojo.classpathElements = List.of(classes.toString());
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

            @Override
            public void error(CharSequence content) {
                log.add("[ERROR] " + content);
            }
        });
        return mojo;
    }

    @Test
    void writesEachSourceToItsOwnFolderWithAKustomizationAndLogsOneLinePerSource() throws Exception {
        mojo(SHOP + "$Valid").execute();

        var folder = root.resolve("target/manifests/shop/valid");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("configmap-shop-config.yaml", "kustomization.yaml", "service-shop.yaml");
        }
        assertThat(folder.resolve("kustomization.yaml")).hasContent("""
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                - configmap-shop-config.yaml
                - service-shop.yaml""");
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).isEqualTo("[INFO] manifestkit: Shop.Valid: 2 objects (ConfigMap 1, Service 1),"
                + " 0 errors, 1 warning, written to target" + File.separator + "manifests" + File.separator + "shop"
                + File.separator + "valid");
        assertThat(log.get(1)).startsWith("[WARNING]   Shop.Valid: Service/shop: spec.externalName: ")
                .endsWith("[api/server-warnings]");
    }

    @Test
    void failOnWarningMakesWarningsFailTheBuild() throws Exception {
        var mojo = mojo(SHOP + "$Valid");
        mojo.failOn = "warning";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("manifestkit: 1 problem at or above failOn=warning; nothing was written:\n"
                        + "  Shop.Valid: Service/shop: spec.externalName: ");
        assertThat(root.resolve("target/manifests")).doesNotExist();
    }

    @Test
    void disableTurnsRulesOffByIdOrPrefix() throws Exception {
        for (var disable : List.of("api/server-warnings", "api", "lint,api")) {
            log.clear();
            var mojo = mojo(SHOP + "$Valid");
            mojo.disable = List.of(disable);
            mojo.failOn = "warning";

            mojo.execute();

            assertThat(log).singleElement().asString()
                    .startsWith("[INFO] manifestkit: Shop.Valid: 2 objects (ConfigMap 1, Service 1), 0 errors, 0 warnings");
        }
    }

    @Test
    void severitiesRegradeRules() throws Exception {
        var mojo = mojo(SHOP + "$Valid");
        mojo.severities = List.of("api/server-warnings=error");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("manifestkit: 1 problem at or above failOn=error; nothing was written:\n"
                        + "  Shop.Valid: Service/shop: spec.externalName: ")
                .hasMessageEndingWith("[api/server-warnings]");
        assertThat(root.resolve("target/manifests")).doesNotExist();
    }

    @Test
    void rulesNamingNoRuleStopTheBuildBeforeAnySourceRuns() throws Exception {
        var disable = mojo(SHOP + "$Throws");
        disable.disable = List.of("ref/service-selects-pod");
        var severities = mojo(SHOP + "$Throws");
        severities.severities = List.of("refs=info");
        var malformed = mojo(SHOP + "$Throws");
        malformed.severities = List.of("ref:info");

        assertThatThrownBy(disable::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: disable: no rule has the id 'ref/service-selects-pod'");
        assertThatThrownBy(severities::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: severities: no rule has the id 'refs'");
        assertThatThrownBy(malformed::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: severities: 'ref:info' is not ID=LEVEL with LEVEL error, warning or info"
                        + " (lint/probes=error)");
        assertThat(log).isEmpty();
    }

    @Test
    void theSourceLayoutWritesOneFilePerSource() throws Exception {
        var mojo = mojo(SHOP + "$Valid");
        mojo.layout = "Source";

        mojo.execute();

        var folder = root.resolve("target/manifests/shop/valid");
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("kustomization.yaml", "manifests.yaml");
        }
        assertThat(Files.readString(folder.resolve("manifests.yaml")))
                .startsWith("apiVersion: v1\nkind: ConfigMap\n").contains("\n---\napiVersion: v1\nkind: Service\n");
        assertThat(Files.readString(folder.resolve("kustomization.yaml"))).endsWith("resources:\n- manifests.yaml\n");
    }

    @Test
    void withoutKustomizationOnlyTheManifestsAreWritten() throws Exception {
        var mojo = mojo(SHOP + "$Valid");
        mojo.kustomization = false;

        mojo.execute();

        try (var files = Files.list(root.resolve("target/manifests/shop/valid"))) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("configmap-shop-config.yaml", "service-shop.yaml");
        }
    }

    @Test
    void anInvalidSourceFailsTheBuildListingEveryProblemAndWritesNothing() throws Exception {
        var mojo = mojo(SHOP + "$Valid", SHOP + "$Invalid");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageMatching("(?s)manifestkit: \\d+ problems? at or above failOn=error; nothing was written:\n.*")
                .hasMessageContaining("\n  Shop.Invalid: Service/shop: spec.ports[0].port: Required value [");
        assertThat(root.resolve("target/manifests")).doesNotExist();
        assertThat(log).contains("[INFO] manifestkit: Shop.Valid: 2 objects (ConfigMap 1, Service 1), 0 errors,"
                + " 1 warning, not written");
    }

    @Test
    void theReportFileListsTheProblemsOfEverySource() throws Exception {
        var mojo = mojo(SHOP + "$Valid", SHOP + "$Invalid");
        mojo.reportFile = root.resolve("target/manifestkit-report.json").toFile();
        mojo.reportFormat = "json";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        assertThat(Files.readString(root.resolve("target/manifestkit-report.json")))
                .contains("\"spec.ports[0].port\"")
                .contains("api/server-warnings");
    }

    @Test
    void theJunitReportHasATestSuitePerSourceAndCountsASourceThatThrew() throws Exception {
        var mojo = mojo(SHOP + "$Valid", SHOP + "$Invalid", SHOP + "$Throws");
        mojo.reportFile = root.resolve("target/manifestkit.xml").toFile();
        mojo.reportFormat = "junit";

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

        var xml = Files.readString(root.resolve("target/manifestkit.xml"));
        assertThat(xml).contains("<testsuite name=\"Shop.Valid\"", "<testsuite name=\"Shop.Invalid\"",
                "<testsuite name=\"Shop.Throws\"", "manifests() threw IllegalArgumentException");
        assertThat(xml).doesNotContain("&lt;memory&gt;");
    }

    @Test
    void aFailedBuildLeavesThePreviousOutputAsItWas() throws Exception {
        mojo(SHOP + "$Valid").execute();
        var before = Files.readString(root.resolve("target/manifests/shop/valid/service-shop.yaml"));

        assertThatThrownBy(mojo(SHOP + "$Valid", SHOP + "$Throws")::execute).isInstanceOf(MojoFailureException.class);

        assertThat(root.resolve("target/manifests/shop/valid/service-shop.yaml")).hasContent(before.strip());
    }

    @Test
    void aSourceThatThrowsIsReportedWithTheExceptionAndWhereItWasThrown() throws Exception {
        var mojo = mojo(SHOP + "$Throws", SHOP + "$ReturnsNull");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("manifestkit: 2 sources failed to run; nothing was written:")
                .hasMessageContaining("  Shop.Throws: manifests() threw IllegalArgumentException: Secret/pgpassword"
                        + " has no key PGPASSWRD (at " + SHOP + "$Throws.manifests(Shop.java:")
                .hasMessageContaining("  Shop.ReturnsNull: manifests() returned null");
    }

    @Test
    void theFrameOfASourceLoadedByTheProjectLoaderIsShownWithoutTheLoadersName() {
        var e = new IllegalArgumentException("Secret/s: data[b]: Not found");
        e.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("app", null, null, "dev.manifestkit.dsl.Fail", "notFound", "Fail.java", 31),
            new StackTraceElement("manifestkit-project", null, null, "com.acme.App$Prod", "manifests", "App.java", 42),
        });

        assertThat(GenerateMojo.describe(e, "com.acme.App"))
                .isEqualTo("IllegalArgumentException: Secret/s: data[b]: Not found (at com.acme.App$Prod.manifests(App.java:42))");
    }

    @Test
    void unusableConfigurationIsAnExecutionErrorWithOneClearLine() throws Exception {
        var badLayout = mojo(SHOP + "$Valid");
        badLayout.layout = "per-object";
        assertThatThrownBy(badLayout::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: layout must be one of object, source; got 'per-object'");

        var badFailOn = mojo(SHOP + "$Valid");
        badFailOn.failOn = "warnings";
        assertThatThrownBy(badFailOn::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: failOn must be one of error, warning; got 'warnings'");

        var badVersion = mojo(SHOP + "$Valid");
        badVersion.kubernetesVersion = "latest";
        assertThatThrownBy(badVersion::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: Kubernetes version must look like 1.35, got 'latest'");

        var badRange = mojo(SHOP + "$Valid");
        badRange.nodePortRange = "high";
        assertThatThrownBy(badRange::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("manifestkit: nodePortRange: ").satisfies(e ->
                        assertThat(e.getMessage().lines()).hasSize(1));

        var badFormat = mojo(SHOP + "$Valid");
        badFormat.reportFile = root.resolve("target/report.html").toFile();
        badFormat.reportFormat = "html";
        assertThatThrownBy(badFormat::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: reportFormat: output format must be one of text, json, junit; got 'html'");

        assertThatThrownBy(mojo(SHOP)::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining(SHOP + ": does not implement dev.manifestkit.core.ManifestSource");
        assertThat(root.resolve("target/manifests")).doesNotExist();
    }

    @Test
    void noManifestSourceFoundIsAnExecutionError() throws Exception {
        var empty = Files.createDirectories(root.resolve("target/classes"));
        var mojo = mojo();
        mojo.classesDirectory = empty.toFile();
        mojo.classpathElements = List.of(empty.toString());

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: no ManifestSource implementation found in target" + File.separator
                        + "classes; list classes in <sources> or packages in <packages>, or skip with -Dmanifestkit.skip");
    }

    @Test
    void skipWritesNothing() throws Exception {
        var mojo = mojo(SHOP + "$Valid");
        mojo.skip = true;

        mojo.execute();

        assertThat(root.resolve("target/manifests")).doesNotExist();
        assertThat(log).containsExactly("[INFO] manifestkit: generate skipped (manifestkit.skip)");
    }

    @Test
    void aSourceFolderCannotHoldAnotherSourcesFolder() throws Exception {
        var nested = "dev.manifestkit.maven.sources.Nested";

        assertThatThrownBy(mojo(nested, nested + "$Inner")::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: " + nested + " and " + nested + "$Inner would be written to nested and"
                        + " nested/inner; a source's folder must not hold another's, so rename one of the classes");
    }

    @Test
    void aSourceThrowingAMessageOfSeveralLinesFailsWithOneLineForIt() throws Exception {
        assertThatThrownBy(mojo(SHOP + "$ThrowsLines")::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("  Shop.ThrowsLines: manifests() threw IllegalStateException: first line\\n\\tat a"
                        + " forged frame\\r\\nlast line (at " + SHOP + "$ThrowsLines.manifests(Shop.java:")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(2));
    }

    @Test
    void anOutputDirectoryThatIsAFileIsOneLineSayingSo() throws Exception {
        var mojo = mojo(SHOP + "$Valid");
        Files.createDirectories(root.resolve("target"));
        Files.writeString(root.resolve("target/manifests"), "not a directory\n");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: outputDirectory target/manifests is a file, not a directory");
        assertThat(root.resolve("target/manifests")).hasContent("not a directory");
    }

    @Test
    void aReportFileThatIsADirectoryIsOneLineSayingSo() throws Exception {
        var mojo = mojo(SHOP + "$Valid");
        mojo.reportFile = Files.createDirectories(root.resolve("target/report.xml")).toFile();
        mojo.reportFormat = "junit";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("manifestkit: cannot write the report to " + root.resolve("target/report.xml")
                        + ": it is a directory");
    }
}
