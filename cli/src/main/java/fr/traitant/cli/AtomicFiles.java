package fr.traitant.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes output files so that none is ever seen half-written: each is written to a temporary
 * file in the same directory, and all are moved into place (atomically where the file system
 * allows) only after every one was written successfully. On failure the temporary files are
 * deleted and existing outputs are left untouched.
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    private record Pending(Path target, Content content) {}

    private final List<Pending> pending = new ArrayList<>();

    public AtomicFiles add(Path target, Content content) {
        pending.add(new Pending(target, content));
        return this;
    }

    /** Writes every file, then moves them all into place. */
    public void commit() throws IOException {
        List<Path> temporaries = new ArrayList<>();
        try {
            for (Pending p : pending) {
                Path absolute = p.target().toAbsolutePath();
                Path dir = absolute.getParent();
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
                temporaries.add(tmp);
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.content().writeTo(w);
                }
            }
            for (int i = 0; i < pending.size(); i++) {
                Path target = pending.get(i).target().toAbsolutePath();
                try {
                    Files.move(
                            temporaries.get(i),
                            target,
                            StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporaries.get(i), target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path tmp : temporaries) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
