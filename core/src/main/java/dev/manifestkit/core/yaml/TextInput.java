package dev.manifestkit.core.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a byte stream as kubectl decodes a file before reading it: UTF-8, or UTF-16 when a
 * byte order mark says so (the mark itself is dropped), with each byte sequence that is not text in
 * that encoding read as U+FFFD, as kubectl's decoder (x/text's BOM override over UTF-8) reads it. So
 * a Latin-1 "café" is "caf\uFFFD" to kubectl and here, not an error; control characters, which
 * go-yaml refuses, are still refused by the YAML reader.
 */
final class TextInput {

    private TextInput() {
    }

    static Reader reader(InputStream in) {
        var input = new PushbackInputStream(in, 3);
        byte[] start = new byte[3];
        int length = 0;
        try {
            int read;
            while (length < 3 && (read = input.read(start, length, 3 - length)) > 0) {
                length += read;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Charset charset = StandardCharsets.UTF_8;
        int mark = 0;
        if (length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
            mark = 3;
        } else if (length >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            mark = 2;
        } else if (length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            mark = 2;
        }
        try {
            input.unread(start, mark, length - mark);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InputStreamReader(input, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
}
