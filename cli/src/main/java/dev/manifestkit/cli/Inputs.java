package dev.manifestkit.cli;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;

/**
 * Turns the inputs named on the command line into the files to read, in a deterministic order.
 *
 * <p>A named file is read whatever its extension (the user chose it). A directory is searched
 * recursively for {@code *.yaml}, {@code *.yml} and {@code *.json}, skipping hidden entries
 * ({@code .git}) and kustomize's own {@code kustomization.yaml} files (configuration for
 * {@code kubectl apply -k}, not objects the API server takes), and following links (a link that loops back is skipped;
 * a manifest-named link that leads nowhere is kept, so reading it fails visibly), in sorted path order so
 * the same tree gives the same report on every machine.
 */
final class Inputs {

    private Inputs() {
    }

    /**
     * The files to read, in command-line order, each directory's files sorted. A file named twice
     * (directly and through its directory, say) is read once, where it first appears, so it does
     * not collide with itself.
     *
     * @throws InputException if a named path does not exist or a directory cannot be listed
     */
    static List<Input> expand(List<String> names) throws InputException {
        var inputs = new ArrayList<Input>();
        var seen = new HashSet<Path>();
        for (var name : names) {
            if (name.equals("-")) {
                inputs.add(Input.stdin());
                continue;
            }
            var path = Input.path(name, "cannot read");
            List<Input> found;
            if (Files.isDirectory(path)) {
                found = search(path);
            } else if (Files.exists(path)) {
                found = List.of(Input.file(path));
            } else {
                throw new InputException(Input.describe(path, new NoSuchFileException(name)));
            }
            for (var input : found) {
                if (seen.add(input.path().toAbsolutePath().normalize())) {
                    inputs.add(input);
                }
            }
        }
        return inputs;
    }

    /** True for the file names a directory search picks up. */
    static boolean isManifestFileName(String fileName) {
        if (fileName.equals("kustomization.yaml") || fileName.equals("kustomization.yml")) {
            return false;
        }
        return fileName.endsWith(".yaml") || fileName.endsWith(".yml") || fileName.endsWith(".json");
    }

    private static List<Input> search(Path directory) throws InputException {
        var found = new ArrayList<Path>();
        try {
            Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            return dir.equals(directory) || !isHidden(dir) ? FileVisitResult.CONTINUE
                                    : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            // a link still seen as a link is one that leads nowhere: kept, so that
                            // reading it fails and says so, as kubectl apply -f and kubeconform do
                            if ((attributes.isRegularFile() || attributes.isSymbolicLink()) && !isHidden(file)
                                    && isManifestFileName(file.getFileName().toString())) {
                                found.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof FileSystemLoopException) {
                                return FileVisitResult.CONTINUE;
                            }
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new InputException(Input.describe(directory, e));
        }
        found.sort(null);
        var inputs = new ArrayList<Input>(found.size());
        for (var file : found) {
            inputs.add(Input.file(file));
        }
        return inputs;
    }

    private static boolean isHidden(Path path) {
        var name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
