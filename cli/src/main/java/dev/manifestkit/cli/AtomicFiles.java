package dev.manifestkit.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * Replaces a file's content so that readers see either the old bytes or the new ones, never a
 * mix: the new content goes to a temporary file beside it (same file system), is flushed to disk,
 * takes the old file's permissions, and is renamed over it.
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target}'s content. A symbolic link is followed, so the file it points to
     * changes and the link stays. On any failure the original file is untouched and the temporary
     * file removed.
     */
    static void replace(Path target, byte[] content) throws IOException {
        var real = target.toRealPath();
        var temp = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", ".tmp");
        try {
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            var posix = Files.getFileAttributeView(real, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(real));
            }
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
