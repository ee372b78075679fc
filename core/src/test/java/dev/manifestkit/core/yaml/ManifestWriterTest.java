package dev.manifestkit.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.manifestkit.core.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {

    @TempDir
    Path temp;

    @Test
    void yamlMatchesTheGoldenFile() throws IOException {
        Golden.assertMatches("fib-app.yaml", Fixtures.fibApp(false).toYaml());
    }

    @Test
    void jsonMatchesTheGoldenFile() throws IOException {
        Golden.assertMatches("fib-app.json", Fixtures.fibApp(false).toJson());
    }

    @Test
    void sameObjectsBuiltInDifferentMapOrdersGiveIdenticalBytes() {
        String forward = Fixtures.fibApp(false).toYaml();
        String reversed = Fixtures.fibApp(true).toYaml();
        assertThat(reversed).isEqualTo(forward);
        assertThat(Fixtures.fibApp(true).toJson()).isEqualTo(Fixtures.fibApp(false).toJson());
    }

    @Test
    void documentsAreSeparatedByDashesWithNoneAtTheStart() {
        String yaml = Fixtures.fibApp(false).toYaml();
        assertThat(yaml).startsWith("apiVersion: v1\nkind: Namespace\n").endsWith("\n").doesNotContain("\n\n");
        assertThat(yaml.split("\n---\n")).hasSize(8);
        assertThat(Manifests.of().toYaml()).isEmpty();
    }

    @Test
    void writeYamlToAWriterGivesTheSameText() throws IOException {
        var manifests = Fixtures.fibApp(false);
        var out = new StringWriter();
        ManifestWriter.writeYaml(manifests.documents(), out);
        assertThat(out).hasToString(manifests.toYaml());
    }

    @Test
    void aLargeSetWrittenInAddedOrderGivesTheTextOfInstallOrder() throws IOException {
        // above the threshold, toYaml visits documents in added order and joins the texts; the
        // streaming writer visits them in install order: both must give the same bytes
        var manifests = Manifests.of();
        for (int i = 0; i < 100; i++) {
            manifests = manifests.plus(Fixtures.fibApp(i % 2 == 0).namespace("copy-" + i));
        }
        var documents = manifests.documents();
        assertThat(documents.size()).isGreaterThanOrEqualTo(512);
        assertThat(Manifests.inAddedOrder(documents)).isNotEqualTo(documents).containsExactlyInAnyOrderElementsOf(documents);

        var streamed = new StringWriter();
        ManifestWriter.writeYaml(documents, streamed);
        String yaml = manifests.toYaml();

        assertThat(yaml).isEqualTo(streamed.toString()).startsWith("apiVersion: v1\nkind: Namespace\n");
        assertThat(yaml.split("\n---\n")).hasSize(documents.size());
    }

    @Test
    void writeYamlLeavesTheWriterOpen() throws IOException {
        var closed = new boolean[1];
        var out = new StringWriter() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ManifestWriter.writeYaml(Fixtures.fibApp(false).documents(), out);
        out.write("---\n");
        ManifestWriter.writeYaml(Manifests.of(configMap("after", "fib")).documents(), out);
        assertThat(closed[0]).isFalse();
        assertThat(out.toString()).startsWith(Fixtures.fibApp(false).toYaml())
                .endsWith("size: 3\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: after\n  namespace: fib\n"
                        + "data:\n  k: v\n");
    }

    @Test
    void writerSortsDocumentsGivenInAnyOrder() {
        var documents = new ArrayList<>(Fixtures.fibApp(false).documents());
        Collections.reverse(documents);
        assertThat(ManifestWriter.toYaml(documents)).isEqualTo(Fixtures.fibApp(false).toYaml());
    }

    @Test
    void fileNamesAreKindDashNameInLowerCase() {
        assertThat(ManifestWriter.fileNames(Fixtures.fibApp(false).documents()).keySet()).containsExactly(
                "namespace-fib.yaml", "persistentvolumeclaim-database-persistent-volume-claim.yaml",
                "secret-pgpassword.yaml", "configmap-server-config.yaml", "service-postgres-cluster-ip-service.yaml",
                "deployment-postgres-deployment.yaml", "ingress-ingress-service.yaml", "widget-gizmo.yaml");
    }

    @Test
    void clashingFileNamesGetTheNamespace() {
        var a = configMap("settings", "a");
        var b = configMap("settings", "b");
        assertThat(ManifestWriter.fileNames(Manifests.of(a, b).documents()).keySet())
                .containsExactly("configmap-a-settings.yaml", "configmap-b-settings.yaml");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ManifestWriter.fileNames(Manifests.of(a, a).documents()))
                .withMessage("two objects would be written to configmap-a-settings.yaml: ConfigMap/a/settings "
                        + "appears twice");
    }

    @Test
    void writesOneFilePerObjectMatchingTheGoldenDirectory() throws IOException {
        Path out = temp.resolve("manifests");
        Fixtures.fibApp(false).writeTo(out);

        var files = contents(out);
        assertThat(files).hasSize(8);
        for (var file : files.entrySet()) {
            Golden.assertMatches("fib-app-files/" + file.getKey(), file.getValue());
        }
        assertThat(String.join("---\n", files.values())).hasSameSizeAs(Fixtures.fibApp(false).toYaml());
    }

    @Test
    void singleFileLayoutWritesOneMultiDocumentFile() throws IOException {
        Path out = temp.resolve("manifests");
        Fixtures.fibApp(false).writeTo(out, Layout.SINGLE_FILE);
        assertThat(contents(out)).containsOnlyKeys("manifests.yaml")
                .containsEntry("manifests.yaml", Fixtures.fibApp(false).toYaml());
    }

    @Test
    void secretFilesAreReadableByTheOwnerOnly() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(temp).supportsFileAttributeView("posix"));
        Path out = temp.resolve("manifests");
        Fixtures.fibApp(false).writeTo(out);

        assertThat(Files.getPosixFilePermissions(out.resolve("secret-pgpassword.yaml")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(out.resolve("configmap-server-config.yaml")))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(out)).contains(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OWNER_EXECUTE);

        Path single = temp.resolve("single");
        Fixtures.fibApp(false).writeTo(single, Layout.SINGLE_FILE);
        assertThat(Files.getPosixFilePermissions(single.resolve("manifests.yaml")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void rewritingReplacesTheWholeDirectory() throws IOException {
        Path out = temp.resolve("manifests");
        Fixtures.fibApp(false).writeTo(out);
        Manifests.of(configMap("only", "fib")).writeTo(out);

        assertThat(contents(out)).containsOnlyKeys("configmap-only.yaml");
        assertThat(siblingsOf(out)).containsExactly("manifests");
    }

    @Test
    void failureMidWayLeavesThePreviousFilesByteIdentical() throws IOException {
        Path out = temp.resolve("manifests");
        Manifests.of(configMap("before-a", "fib"), configMap("before-b", "fib")).writeTo(out);
        var before = contents(out);

        var writes = new AtomicInteger();
        var failing = new ManifestWriter.FileSystemOps() {
            @Override
            public void write(Path file, byte[] content, boolean secret) throws IOException {
                if (writes.incrementAndGet() == 3) {
                    Files.write(file, Arrays.copyOf(content, content.length / 2));
                    throw new IOException("disk full (injected)");
                }
                ManifestWriter.FileSystemOps.super.write(file, content, secret);
            }
        };

        assertThatIOException().isThrownBy(() -> ManifestWriter.writeDirectory(Fixtures.fibApp(false).documents(),
                out, Layout.FILE_PER_OBJECT, failing)).withMessage("disk full (injected)");
        assertThat(writes).hasValue(3);
        assertThat(contents(out)).isEqualTo(before);
        assertThat(siblingsOf(out)).containsExactly("manifests");
    }

    @Test
    void failureWhileSwappingPutsThePreviousDirectoryBack() throws IOException {
        Path out = temp.resolve("manifests");
        Manifests.of(configMap("before", "fib")).writeTo(out);
        var before = contents(out);

        var moves = new AtomicInteger();
        var failing = new ManifestWriter.FileSystemOps() {
            @Override
            public void move(Path from, Path to) throws IOException {
                if (moves.incrementAndGet() == 2) {
                    throw new IOException("rename failed (injected)");
                }
                ManifestWriter.FileSystemOps.super.move(from, to);
            }
        };

        assertThatIOException().isThrownBy(() -> ManifestWriter.writeDirectory(Fixtures.fibApp(false).documents(),
                out, Layout.FILE_PER_OBJECT, failing)).withMessage("rename failed (injected)");
        assertThat(contents(out)).isEqualTo(before);
        assertThat(siblingsOf(out)).containsExactly("manifests");
    }

    @Test
    void refusesToReplaceADirectoryHoldingOtherFiles() throws IOException {
        Path out = Files.createDirectories(temp.resolve("project"));
        Files.writeString(out.resolve("pom.xml"), "<project/>");

        assertThatIOException().isThrownBy(() -> Fixtures.fibApp(false).writeTo(out))
                .withMessage("refusing to replace " + out.toAbsolutePath() + ": it holds pom.xml, which is not a "
                        + "manifest file; write to a directory of its own");
        assertThat(contents(out)).containsOnlyKeys("pom.xml");
        assertThat(siblingsOf(out)).containsExactly("project");
    }

    @Test
    void refusesToReplaceAFileOrASymbolicLink() throws IOException {
        Path file = Files.writeString(temp.resolve("manifests"), "not a directory");
        assertThatIOException().isThrownBy(() -> Fixtures.fibApp(false).writeTo(file))
                .withMessageEndingWith("manifests exists and is not a directory");
        assertThat(file).hasContent("not a directory");

        Path real = Files.createDirectories(temp.resolve("real"));
        Path link = Files.createSymbolicLink(temp.resolve("link"), real);
        assertThatIOException().isThrownBy(() -> Fixtures.fibApp(false).writeTo(link))
                .withMessage("refusing to replace " + link.toAbsolutePath() + ": it is a symbolic link; write to "
                        + real.toRealPath() + " instead");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void writeFileReplacesOneFileAtomically() throws IOException {
        Path file = temp.resolve("deploy/all.yaml");
        ManifestWriter.writeFile(Fixtures.fibApp(false).documents(), file);
        assertThat(file).hasContent(Fixtures.fibApp(false).toYaml());
        ManifestWriter.writeFile(Manifests.of(configMap("x", "y")).documents(), file);
        assertThat(Files.readString(file)).contains("name: x").doesNotContain("Secret");
        assertThat(siblingsOf(file)).containsExactly("all.yaml");
    }

    /** The longest name Kubernetes takes: four DNS labels of 63 characters, 253 in all. */
    private static final String LONGEST_NAME = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63),
            "d".repeat(61));

    @Test
    void objectsOfTheLongestValidNamesStillGetFileNamesTheFileSystemTakes() throws IOException {
        var a = configMap(LONGEST_NAME, "n".repeat(63));
        var b = configMap(LONGEST_NAME, "m".repeat(63));
        var c = configMap(LONGEST_NAME.substring(0, 250) + "x", "n".repeat(63));

        var names = ManifestWriter.fileNames(Manifests.of(a, b, c).documents()).keySet();

        assertThat(names).hasSize(3).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(255)
                .startsWith("configmap-").endsWith(".yaml"));
        assertThat(ManifestWriter.fileNames(Manifests.of(a, b, c).documents()).keySet()).isEqualTo(names);
        Path out = temp.resolve("manifests");
        Manifests.of(a, b, c).writeTo(out);
        assertThat(contents(out)).containsOnlyKeys(names);
    }

    @Test
    void aTargetOfTheLongestFileNameIsStillWrittenAtomically() throws IOException {
        Path directory = temp.resolve("d".repeat(250));
        Fixtures.fibApp(false).writeTo(directory);
        Fixtures.fibApp(false).writeTo(directory);
        assertThat(contents(directory)).hasSize(8);
        Path file = temp.resolve("f".repeat(250) + ".yaml");
        ManifestWriter.writeFile(Manifests.of(configMap("x", "y")).documents(), file);
        assertThat(siblingsOf(file)).containsExactlyInAnyOrder(directory.getFileName().toString(),
                file.getFileName().toString());
    }

    private static HasMetadata configMap(String name, String namespace) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addToData("k", "v").build();
    }

    private static Map<String, String> contents(Path directory) throws IOException {
        var result = new TreeMap<String, String>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                result.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static List<String> siblingsOf(Path path) throws IOException {
        try (Stream<Path> files = Files.list(path.getParent())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
