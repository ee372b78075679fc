package dev.manifestkit.core.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Runs the kubectl on the PATH; tests that need it skip where it is absent. Public for the other
 * modules' tests, through core's test jar.
 */
public final class Kubectl {

    private static Boolean available;

    private Kubectl() {
    }

    /** Skips the calling test unless {@code kubectl version --client} works. */
    public static synchronized void assumeAvailable() {
        if (available == null) {
            try {
                available = run(null, "version", "--client").exitCode() == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        Assumptions.assumeTrue(available, "kubectl is not on the PATH");
    }

    /** What a kubectl run gave. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs kubectl with these arguments, feeding {@code stdin} when it is not null. */
    public static Result run(String stdin, String... args) throws IOException {
        var command = new ArrayList<String>(List.of("kubectl"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).start();
        var stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        var stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("kubectl " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** What kubectl makes of a YAML text, as JSON: {@code kubectl label --local} reads it offline. */
    public static String readAsJson(String yaml) throws IOException {
        var result = run(yaml, "label", "--local", "-f", "-", "manifestkit-test=read", "-o", "json");
        if (result.exitCode() != 0) {
            throw new IOException("kubectl could not read the YAML: " + result.stderr() + "\n" + yaml);
        }
        return result.stdout();
    }

    /** The output of a {@code kubectl create … --dry-run=client -o yaml} command. */
    public static String create(String... args) throws IOException {
        var all = new ArrayList<String>(List.of("create"));
        all.addAll(List.of(args));
        all.addAll(List.of("--dry-run=client", "-o", "yaml"));
        var result = run(null, all.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IOException("kubectl " + String.join(" ", all) + " failed: " + result.stderr());
        }
        return result.stdout();
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
