package dev.manifestkit.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;

import dev.manifestkit.core.FileNames;

/**
 * Replaces a file's content so that readers see either the old bytes or the new ones, never a
 * mix: the new content is streamed to a temporary file beside it (same file system), flushed to
 * disk, given the old file's permissions, and renamed over it.
 */
final class AtomicFiles {

    /** Produces the new content. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target}'s content with what {@code content} writes, unless it is the same
     * bytes (the file, and its modification time, are then left alone). A symbolic link is
     * followed, so the file it points to changes and the link stays. A file the user may not write
     * is refused, as an editor or {@code gofmt -w} refuses it, although renaming over it would
     * work. If {@code content} or any step fails, the original file is untouched and the
     * temporary file removed.
     *
     * @return true if the file was replaced, false if it already held exactly this content
     */
    static boolean replace(Path target, Content content) throws IOException {
        var real = target.toRealPath();
        if (!Files.isWritable(real)) {
            throw new AccessDeniedException(target.toString());
        }
        Path temp;
        try {
            temp = Files.createTempFile(real.getParent(), "." + FileNames.siblingStem(real.getFileName().toString()) + ".", ".tmp");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(target.toString(), null,
                    "permission denied creating a file beside it in " + real.getParent());
        }
        try {
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                var out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (Files.mismatch(temp, real) == -1) {
                Files.delete(temp);
                return false;
            }
            if (Files.getFileAttributeView(real, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(real));
            }
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
