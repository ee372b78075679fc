package dev.manifestkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The folders the Maven plugin wrote during this build ({@code target/manifests}, at
 * process-classes, before the tests) are accepted by {@code kubectl kustomize} as they are.
 * Skipped where kubectl is not installed.
 */
class KustomizeTest {

    private static final Path MANIFESTS = Path.of("target", "manifests");

    @ParameterizedTest
    @ValueSource(strings = {"fib-app/dev", "fib-app/prod", "sidecar-pod", "static-storage", "dynamic-storage", "secrets"})
    void kubectlKustomizeAcceptsTheGeneratedFolder(String folder) throws Exception {
        assumeTrue(kubectlAvailable(), "kubectl is not installed");
        var dir = MANIFESTS.resolve(folder);
        assertThat(dir.resolve("kustomization.yaml"))
                .as("the plugin's generate goal writes %s during process-classes", dir)
                .exists();

        var result = run("kubectl", "kustomize", dir.toString());

        assertThat(result.exitCode()).as("kubectl kustomize %s failed:%n%s", dir, result.output()).isZero();
        try (var files = Files.list(dir)) {
            for (var file : files.filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                var text = Files.readString(file);
                var name = text.lines().filter(line -> line.startsWith("  name: ")).findFirst().orElseThrow();
                assertThat(result.output()).as("kustomize output holds the object of %s", file).contains(name);
            }
        }
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean kubectlAvailable() {
        try {
            return run("kubectl", "version", "--client").exitCode() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
