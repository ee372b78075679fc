package dev.manifestkit.dsl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import dev.manifestkit.core.syntax.Names;

/**
 * Internal: kubectl's {@code --from-file} and {@code --from-env-file} rules, shared by Secrets
 * and ConfigMaps. Error messages name files and keys, never contents.
 */
final class KubectlSources {

    private KubectlSources() {
    }

    /**
     * kubectl's rules for a new key of a Secret or ConfigMap ({@code kind}): a valid config key,
     * not already present.
     */
    static void checkNewKey(String owner, String kind, String key, java.util.Set<String> existing) {
        Fail.notNull(key, owner, "data");
        var errors = Names.configMapKey(key);
        if (!errors.isEmpty()) {
            throw Fail.invalid(owner, "data[" + key + "]", key, "is not a valid key name for a " + kind + ": "
                    + String.join("; ", errors));
        }
        if (existing.contains(key)) {
            throw Fail.duplicate(owner, "data[" + key + "]", key);
        }
    }

    /**
     * kubectl's {@code --from-literal} syntax, {@code key=value} split at the first {@code =}. The
     * source is quoted in the error only when {@code quote} is set (never for Secrets).
     */
    static String[] splitLiteral(String owner, String source, boolean quote) {
        var eq = source == null ? -1 : source.indexOf('=');
        if (eq <= 0) {
            throw Fail.invalid(owner, "data", quote ? source : "<redacted>", "invalid literal source, expected key=value");
        }
        return new String[] {source.substring(0, eq), source.substring(eq + 1)};
    }

    /** A file's key and bytes; a directory gives one entry per regular file in it, by name, as kubectl does. */
    static void fromFile(String owner, String key, Path path, BiConsumer<String, byte[]> add) {
        if (Files.isDirectory(path)) {
            if (key != null) {
                throw Fail.invalid(owner, "data", path.toString(), "cannot give a key for a directory source");
            }
            List<Path> files;
            try (var list = Files.list(path)) {
                files = list.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw unreadable(owner, path, e);
            }
            files.forEach(f -> add.accept(f.getFileName().toString(), read(owner, f)));
            return;
        }
        add.accept(key != null ? key : path.getFileName().toString(), read(owner, path));
    }

    /**
     * kubectl's env-file parsing: lines split at the first {@code =}; leading whitespace trimmed,
     * nothing else; blank lines and lines starting with {@code #} skipped; a UTF-8 BOM dropped from
     * the first line; the key must be an environment variable name; a line without {@code =}
     * takes its value from this process's environment (empty when unset); invalid UTF-8 is an error.
     */
    static void fromEnvFile(String owner, Path path, UnaryOperator<String> environment, BiConsumer<String, String> add) {
        var text = utf8(owner, path, read(owner, path));
        var lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = stripLeadingSpace(line);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var eq = line.indexOf('=');
            var key = eq < 0 ? line : line.substring(0, eq);
            var errors = Names.envVarName(key, false);
            if (!errors.isEmpty()) {
                throw Fail.invalid(owner, "data", key, "is not a valid key name (" + path + " line " + (i + 1)
                        + "): " + String.join("; ", errors));
            }
            var value = eq < 0 ? environment.apply(key) : line.substring(eq + 1);
            add.accept(key, value == null ? "" : value);
        }
    }

    private static String stripLeadingSpace(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String utf8(String owner, Path path, byte[] bytes) {
        if (!isUtf8(bytes)) {
            throw Fail.invalid(owner, "data", path.toString(), "env file contains invalid UTF-8");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] read(String owner, Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw unreadable(owner, path, e);
        }
    }

    private static IllegalArgumentException unreadable(String owner, Path path, IOException e) {
        return new IllegalArgumentException(owner + ": data: cannot read " + path + ": " + e.getClass().getSimpleName(), e);
    }

    static Map<String, String> systemEnvironment() {
        return System.getenv();
    }
}
