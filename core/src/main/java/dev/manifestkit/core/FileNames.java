package dev.manifestkit.core;

import java.nio.charset.StandardCharsets;

/**
 * File names within what file systems allow: 255 bytes a name. The writer, {@code fmt --write} and
 * the Maven plugin each write beside a target through a hidden temporary sibling whose name adds a
 * few characters to the target's, so a valid long name must be cut for the sibling, the same way
 * in each.
 */
public final class FileNames {

    /** How many bytes of the target's name a sibling keeps: room for dots, a tag and a random number. */
    public static final int SIBLING_STEM_BYTES = 200;

    private FileNames() {
    }

    /** {@code name} cut to at most {@code maxBytes} bytes of UTF-8, never inside a character. */
    public static String cutToBytes(String name, int maxBytes) {
        var bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return name;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // bytes[end] continues a character: cut before the character it continues
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** The part of a target's name a temporary or old sibling keeps: {@link #SIBLING_STEM_BYTES} bytes at most. */
    public static String siblingStem(String name) {
        return cutToBytes(name, SIBLING_STEM_BYTES);
    }
}
