package fr.traitant.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy of an upload left behind by a crash is removed at the next start; a copy of this run's is kept. */
class LeftUploadsTest {

    @TempDir
    Path tmp;

    @Test
    void uploads_older_than_this_start_are_removed_others_kept() throws Exception {
        Instant start = Instant.parse("2026-12-02T10:00:00Z");
        Path crashed = Files.write(tmp.resolve(DirectoryImports.UPLOAD_PREFIX + "123.upload"), new byte[39_000]);
        Files.setLastModifiedTime(crashed, FileTime.from(start.minusSeconds(3600)));
        Path running = Files.write(tmp.resolve(DirectoryImports.UPLOAD_PREFIX + "456.upload"), new byte[10]);
        Files.setLastModifiedTime(running, FileTime.from(start.plusSeconds(5)));
        Path unrelated = Files.write(tmp.resolve("autre-fichier.upload"), new byte[10]);
        Files.setLastModifiedTime(unrelated, FileTime.from(start.minusSeconds(3600)));

        assertThat(DirectoryImports.removeLeftUploads(tmp, start)).isEqualTo(1);
        assertThat(crashed).doesNotExist();
        assertThat(running).exists();
        assertThat(unrelated).exists();
    }
}
