package dev.manifestkit.core.yaml;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.manifestkit.core.Kinds;
import dev.manifestkit.core.FileNames;
import dev.manifestkit.core.ManifestDocument;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.core.tree.Trees;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes manifests as YAML that {@code kubectl apply -f} takes as it is, or as JSON.
 *
 * <p>Output is deterministic: documents in install order ({@link Kinds#installOrder()}, stable
 * among equals), keys in canonical order ({@link Trees}), {@code ---} on its own line between
 * documents and none before the first, a newline at the end. Strings that any YAML 1.1 or 1.2
 * reader would take for a boolean, null, number or date are double-quoted; multi-line strings are
 * written as literal blocks ({@code |}).
 *
 * <p>Directory writes are atomic: the files are written and synced into a temporary directory
 * beside the target, which then replaces the target by renames. If anything fails, the target is
 * left exactly as it was. Files holding a Secret are created readable and writable by the owner
 * only, where the file system has POSIX permissions.
 */
public final class ManifestWriter {

    /** The file name of the {@link Layout#SINGLE_FILE} layout. */
    public static final String SINGLE_FILE_NAME = "manifests.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .stringQuotingChecker(ScalarQuoting.INSTANCE)
                    .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
                    .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
                    .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
                    .disable(YAMLWriteFeature.SPLIT_LINES)
                    .build())
            .build();

    private static final ObjectWriter JSON = Trees.jsonMapper().writer().with(new DefaultPrettyPrinter(
                    Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                            .withObjectEmptySeparator("")
                            .withArrayEmptySeparator(""))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")))
            .with(YamlSafeJsonEscapes.INSTANCE);

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");

    /** From this many documents on, a set's YAML is written in the order its objects were added. */
    private static final int IN_ADDED_ORDER = 512;

    private ManifestWriter() {
    }

    // --- YAML -----------------------------------------------------------------------------------

    /** Multi-document YAML of these documents, in install order. */
    public static String toYaml(List<ManifestDocument> documents) {
        if (documents.size() >= IN_ADDED_ORDER && Manifests.isCanonicalInInstallOrder(documents)) {
            return toYamlInAddedOrder(documents);
        }
        var out = new StringBuilder(documents.size() * 1024);
        boolean first = true;
        for (ObjectNode tree : canonicalTrees(documents)) {
            appendYaml(tree, first, out);
            first = false;
        }
        return out.toString();
    }

    /**
     * The same text as writing a set's documents one after another in install order, but each
     * document is written while visiting the set in the order its objects were added, where they
     * lie together in memory ({@link Manifests#inAddedOrder}), and the texts are joined in install
     * order at the end. For a set too large for the CPU caches, walking the trees by kind waits on
     * memory for most of the time the emitter takes; copying the finished text costs far less.
     */
    private static String toYamlInAddedOrder(List<ManifestDocument> documents) {
        var texts = new String[documents.size()];
        var document = new StringBuilder(4096);
        for (ManifestDocument each : Manifests.inAddedOrder(documents)) {
            document.setLength(0);
            appendYaml(each.tree(), each.index() == 0, document);
            texts[each.index()] = document.toString();
        }
        return String.join("", texts);
    }

    /** YAML of one object tree. */
    public static String toYaml(ObjectNode tree) {
        var out = new StringBuilder(1024);
        appendYaml(Trees.canonicalize(tree), true, out);
        return out.toString();
    }

    /**
     * Writes multi-document YAML of these documents, in install order; flushes but does not close
     * the writer. The output neither starts nor ends with {@code ---}: to append to YAML already
     * written, write a {@code ---} line first. Only one document at a time is held in memory.
     */
    public static void writeYaml(List<ManifestDocument> documents, Writer out) throws IOException {
        var document = new StringBuilder(4096);
        var chunk = new char[8192];
        boolean first = true;
        var trusted = Manifests.isCanonicalInInstallOrder(documents);
        for (ManifestDocument each : trusted ? documents : inInstallOrder(documents)) {
            document.setLength(0);
            appendYaml(trusted ? each.tree() : Trees.canonicalize(each.tree()), first, document);
            first = false;
            for (int start = 0; start < document.length(); start += chunk.length) {
                int end = Math.min(document.length(), start + chunk.length);
                document.getChars(start, end, chunk, 0);
                out.write(chunk, 0, end - start);
            }
        }
        out.flush();
    }

    /**
     * One canonical tree as a YAML document ({@code ---} before it unless first): by
     * {@link YamlEmitter}, or by Jackson for a tree holding non-JSON nodes (binary, POJO).
     */
    static void appendYaml(ObjectNode canonical, boolean first, StringBuilder out) {
        if (!YamlEmitter.write(canonical, first, out)) {
            appendJacksonYaml(canonical, first, out);
        }
    }

    /** The same document by Jackson's YAML generator: the fallback. */
    private static void appendJacksonYaml(ObjectNode canonical, boolean first, StringBuilder out) {
        if (!first) {
            out.append("---\n");
        }
        out.append(YAML.writeValueAsString(canonical));
    }

    /**
     * These trees, as they are, by one Jackson YAML generator, as manifestkit wrote them before
     * {@link YamlEmitter}: the oracle its tests compare with.
     */
    static String jacksonYaml(List<ObjectNode> trees) {
        var out = new StringWriter();
        try (SequenceWriter sequence = YAML.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET).writeValues(out)) {
            for (ObjectNode tree : trees) {
                sequence.write(tree);
            }
        }
        return out.toString();
    }

    // --- JSON -----------------------------------------------------------------------------------

    /**
     * JSON's own escapes, and the six-character Unicode escape for what YAML readers do not take raw: DEL, the C1
     * controls, U+2028, U+2029 and the non-characters U+FFFE and U+FFFF. JSON allows them raw, but
     * kustomize, PyYAML and go-yaml read JSON files as YAML: they refuse DEL, C1 and U+FFFE/U+FFFF
     * ("control characters are not allowed"), and take U+0085, U+2028 and U+2029 for line breaks,
     * folding them into spaces or ending the document at a {@code ---} after one.
     */
    private static final class YamlSafeJsonEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;

        static final YamlSafeJsonEscapes INSTANCE = new YamlSafeJsonEscapes();

        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();

        static {
            ASCII[0x7F] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean escaped = c >= 0x80 && c <= 0x9F || c == 0x2028 || c == 0x2029 || c == 0xFFFE || c == 0xFFFF;
            return escaped ? new SerializedString(String.format("\\u%04X", c)) : null;
        }
    }

    /**
     * Pretty-printed JSON: the object itself when there is exactly one document, otherwise a
     * {@code {"apiVersion": "v1", "kind": "List", "items": […]}} in install order, as
     * {@code kubectl get -o json} prints several objects.
     */
    public static String toJson(List<ManifestDocument> documents) {
        return JSON.writeValueAsString(jsonRoot(documents)) + "\n";
    }

    /** Writes {@link #toJson(List)}; does not close the writer. */
    public static void writeJson(List<ManifestDocument> documents, Writer out) throws IOException {
        out.write(toJson(documents));
        out.flush();
    }

    private static ObjectNode jsonRoot(List<ManifestDocument> documents) {
        if (documents.size() == 1) {
            return Trees.canonicalize(documents.get(0).tree());
        }
        var list = Trees.jsonMapper().createObjectNode();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        var items = list.putArray("items");
        for (ObjectNode tree : canonicalTrees(documents)) {
            items.add(tree);
        }
        return list;
    }

    // --- files ----------------------------------------------------------------------------------

    /**
     * Replaces the directory's content with these documents, atomically.
     *
     * <p>The directory is created if missing. An existing directory is replaced as a whole, so it
     * must hold nothing but manifest files ({@code .yaml}, {@code .yml}, {@code .json}): any other
     * entry makes this refuse, rather than delete what manifestkit did not write.
     *
     * @throws IOException when writing fails; the directory then holds exactly what it held before
     */
    public static void writeDirectory(List<ManifestDocument> documents, Path directory, Layout layout)
            throws IOException {
        writeDirectory(documents, directory, layout, FileSystemOps.DEFAULT);
    }

    /**
     * Replaces one file with multi-document YAML of these documents, atomically: written and synced
     * beside it, then renamed over it. Owner-only permissions when a Secret is among the documents.
     */
    public static void writeFile(List<ManifestDocument> documents, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path temp = parent.resolve(siblingName(target, ".tmp-") + Long.toHexString(System.nanoTime()));
        try {
            FileSystemOps.DEFAULT.write(temp, out -> writeYaml(documents, out),
                    documents.stream().anyMatch(ManifestWriter::isSecret));
            FileSystemOps.DEFAULT.move(temp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * The file each document gets in the {@link Layout#FILE_PER_OBJECT} layout, in install order:
     * {@code <kind>-<name>.yaml} in lower case, with the namespace added where two would clash; a
     * base name over 240 characters is cut, ending in a hash of the whole.
     *
     * @throws IllegalArgumentException when two documents would still share a file (the same
     *                                  object twice)
     */
    public static Map<String, ManifestDocument> fileNames(List<ManifestDocument> documents) {
        var ordered = inInstallOrder(documents);
        var counts = new HashMap<String, Integer>();
        for (ManifestDocument document : ordered) {
            counts.merge(baseName(document, false), 1, Integer::sum);
        }
        var result = new LinkedHashMap<String, ManifestDocument>();
        for (ManifestDocument document : ordered) {
            String base = baseName(document, false);
            String name = (counts.get(base) > 1 ? baseName(document, true) : base) + ".yaml";
            if (result.putIfAbsent(name, document) != null) {
                throw new IllegalArgumentException("two objects would be written to " + name + ": "
                        + Trees.describe(document.tree()) + " appears twice");
            }
        }
        return Collections.unmodifiableMap(result);
    }

    static void writeDirectory(List<ManifestDocument> documents, Path directory, Layout layout, FileSystemOps ops)
            throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException("refusing to replace the root directory " + target);
        }
        Files.createDirectories(parent);
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists) {
            checkReplaceable(target);
        }
        var files = plan(documents, layout);
        Path temp = Files.createTempDirectory(parent, siblingName(target, ".tmp-"));
        Path old = null;
        try {
            for (var file : files.entrySet()) {
                PlannedFile planned = file.getValue();
                Path path = temp.resolve(file.getKey());
                if (planned.document() == null) {
                    ops.write(path, out -> writeYaml(documents, out), planned.secret());
                } else {
                    ops.write(path, toYaml(planned.document().tree()).getBytes(StandardCharsets.UTF_8), planned.secret());
                }
            }
            setPermissions(temp, exists ? permissionsOf(target) : DIRECTORY);
            ops.syncDirectory(temp);
            if (exists) {
                old = parent.resolve(siblingName(target, ".old-") + Long.toHexString(System.nanoTime()));
                ops.move(target, old);
                try {
                    ops.move(temp, target);
                } catch (IOException | RuntimeException e) {
                    ops.move(old, target);
                    old = null;
                    throw e;
                }
            } else {
                ops.move(temp, target);
            }
            ops.syncDirectory(parent);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp, e);
            throw e;
        }
        if (old != null) {
            deleteRecursively(old);
        }
    }

    /** A file to write: one document's, or all documents' when {@code document} is null. */
    private record PlannedFile(ManifestDocument document, boolean secret) {
    }

    private static Map<String, PlannedFile> plan(List<ManifestDocument> documents, Layout layout) {
        var files = new LinkedHashMap<String, PlannedFile>();
        if (layout == Layout.SINGLE_FILE) {
            files.put(SINGLE_FILE_NAME, new PlannedFile(null, documents.stream().anyMatch(ManifestWriter::isSecret)));
        } else {
            fileNames(documents).forEach((name, document) -> files.put(name,
                    new PlannedFile(document, isSecret(document))));
        }
        return files;
    }

    private static void checkReplaceable(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException("refusing to replace " + target + ": it is a symbolic link; write to "
                    + target.toRealPath() + " instead");
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotDirectoryException(target + " exists and is not a directory");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString().toLowerCase(Locale.ROOT);
                boolean manifest = name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
                if (!manifest || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("refusing to replace " + target + ": it holds " + entry.getFileName()
                            + ", which is not a manifest file; write to a directory of its own");
                }
            }
        }
    }

    private static String baseName(ManifestDocument document, boolean withNamespace) {
        String kind = document.kind().orElse("object");
        String name = document.name().orElseGet(() -> generateName(document));
        String namespace = document.namespace().orElse("");
        String base = withNamespace && !namespace.isEmpty() ? kind + "-" + namespace + "-" + name : kind + "-" + name;
        return fitted(sanitize(base.toLowerCase(Locale.ROOT)));
    }

    /**
     * The most characters of a file's base name (all ASCII once sanitized): with {@code .yaml}, within
     * the 255 bytes file systems allow a name, which a kind, a namespace of 63 characters and a name
     * of 253 (all valid) together exceed.
     */
    private static final int MAX_BASE_NAME = 240;

    /** A longer base name cut, with a hash of the whole so that names that differ only past the cut still differ. */
    private static String fitted(String base) {
        if (base.length() <= MAX_BASE_NAME) {
            return base;
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(base.getBytes(StandardCharsets.UTF_8));
            var hash = HexFormat.of().formatHex(digest, 0, 5);
            return base.substring(0, MAX_BASE_NAME - hash.length() - 1) + "-" + hash;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The start of a hidden sibling's name, {@code .<target name><tag>}, the target's name cut so
     * that with the tag and a random suffix it stays within the 255 bytes a file name may have.
     */
    private static String siblingName(Path target, String tag) {
        return "." + FileNames.siblingStem(target.getFileName().toString()) + tag;
    }

    private static String generateName(ManifestDocument document) {
        var metadata = document.tree().get("metadata");
        var generate = metadata == null ? null : metadata.get("generateName");
        if (generate != null && generate.isString() && !generate.asString().isBlank()) {
            String value = generate.asString();
            return value.endsWith("-") ? value.substring(0, value.length() - 1) : value;
        }
        return "unnamed-" + document.index();
    }

    private static String sanitize(String name) {
        var out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
            out.append(safe ? c : '_');
        }
        return out.toString();
    }

    private static boolean isSecret(ManifestDocument document) {
        return "Secret".equals(document.kind().orElse(null)) && "v1".equals(document.apiVersion().orElse(null));
    }

    /**
     * The documents' trees in canonical form and install order. A {@link Manifests}' own documents
     * are both already, so they are taken as they are: no re-check, no re-sort.
     */
    private static List<ObjectNode> canonicalTrees(List<ManifestDocument> documents) {
        var trusted = Manifests.isCanonicalInInstallOrder(documents);
        var ordered = trusted ? documents : inInstallOrder(documents);
        var trees = new ArrayList<ObjectNode>(ordered.size());
        for (var document : ordered) {
            trees.add(trusted ? document.tree() : Trees.canonicalize(document.tree()));
        }
        return trees;
    }

    private static List<ManifestDocument> inInstallOrder(List<ManifestDocument> documents) {
        if (isSorted(documents)) {
            return documents;
        }
        var sorted = new ArrayList<>(documents);
        sorted.sort(Kinds.installOrder());
        return sorted;
    }

    private static boolean isSorted(List<ManifestDocument> documents) {
        Comparator<ManifestDocument> order = Kinds.installOrder();
        for (int i = 1; i < documents.size(); i++) {
            if (order.compare(documents.get(i - 1), documents.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static Set<PosixFilePermission> permissionsOf(Path directory) {
        try {
            var view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
            return view == null ? DIRECTORY : view.readAttributes().permissions();
        } catch (IOException e) {
            return DIRECTORY;
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        var view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(permissions);
        }
    }

    private static void deleteQuietly(Path directory, Exception cause) {
        try {
            deleteRecursively(directory);
        } catch (IOException | UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Text written into a file as it is produced. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** The file system operations of a directory write; replaced in tests to inject failures. */
    interface FileSystemOps {

        FileSystemOps DEFAULT = new FileSystemOps() {
        };

        /** Creates the file (it must not exist), writes the bytes and syncs them to disk. */
        default void write(Path file, byte[] content, boolean secret) throws IOException {
            try (FileChannel channel = create(file, secret)) {
                var buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        }

        /**
         * Creates the file (it must not exist), streams the content into it as UTF-8 and syncs it
         * to disk: a file of 16,000 objects is never held in memory as a whole.
         */
        default void write(Path file, Content content, boolean secret) throws IOException {
            try (FileChannel channel = create(file, secret)) {
                Writer out = Channels.newWriter(channel, StandardCharsets.UTF_8);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
        }

        private static FileChannel create(Path file, boolean secret) throws IOException {
            var options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            boolean posix = Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
            // the umask can only take permissions away, so a Secret's file is never readable by others
            FileAttribute<?>[] attributes = posix && secret
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            return FileChannel.open(file, options, attributes);
        }

        /** Renames atomically, replacing a file target. */
        default void move(Path from, Path to) throws IOException {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }

        /** Syncs a directory's entries to disk where the platform allows it. */
        default void syncDirectory(Path directory) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException e) {
                // not supported on every platform (Windows); the renames are still atomic
            }
        }
    }
}
