package dev.manifestkit.dsl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * Test helper: runs the installed kubectl with {@code --dry-run=client -o yaml}. kubectl never
 * talks to a real cluster: {@code KUBECONFIG} points at an empty file, and {@code kubectl run},
 * which insists on API discovery even in dry-run mode, is given a tiny in-process discovery
 * server that only knows Pods.
 */
final class Kubectl {

    private Kubectl() {
    }

    static boolean available() {
        try {
            var process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code kubectl <args> --dry-run=client -o yaml}, run in {@code dir}; the flags go before a
     * {@code --} in {@code args}, since what follows it is the container's command.
     */
    static String dryRun(Path dir, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("kubectl"));
        command.addAll(List.of(args));
        int end = command.indexOf("--");
        command.addAll(end < 0 ? command.size() : end, List.of("--dry-run=client", "-o", "yaml"));
        var kubeconfig = Files.createTempFile(dir, "kubeconfig", "");
        var builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        builder.environment().put("HOME", dir.toString());
        var process = builder.start();
        var err = new StringBuilder();
        var errReader = new Thread(() -> {
            try {
                err.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // reported through the exit code
            }
        });
        errReader.start();
        var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("kubectl timed out: " + command);
        }
        errReader.join();
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kubectl failed: " + command + ": " + err);
        }
        return out;
    }

    /** {@code kubectl run …}, against a discovery-only fake API server on the loopback interface. */
    static String run(Path dir, String... args) throws IOException, InterruptedException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var documents = Map.of(
                "/api", "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"],\"serverAddressByClientCIDRs\":"
                        + "[{\"clientCIDR\":\"0.0.0.0/0\",\"serverAddress\":\"127.0.0.1\"}]}",
                "/apis", "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[]}",
                "/api/v1", "{\"kind\":\"APIResourceList\",\"groupVersion\":\"v1\",\"resources\":[{\"name\":\"pods\","
                        + "\"singularName\":\"pod\",\"namespaced\":true,\"kind\":\"Pod\",\"verbs\":[\"create\",\"get\"]}]}");
        server.createContext("/", exchange -> {
            var body = documents.get(exchange.getRequestURI().getPath());
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                var bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        try {
            var all = new ArrayList<>(List.of("--server=http://127.0.0.1:" + server.getAddress().getPort(),
                    "--cache-dir=" + dir.resolve("cache"), "run"));
            all.addAll(List.of(args));
            return dryRun(dir, all.toArray(String[]::new));
        } finally {
            server.stop(0);
        }
    }
}
