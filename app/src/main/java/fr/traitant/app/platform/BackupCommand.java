package fr.traitant.app.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * {@code ./traitant backup FILE} and {@code ./traitant restore FILE} ({@link DatabaseBackup}). The database is the
 * external server of {@code SPRING_DATASOURCE_URL} (with {@code SPRING_DATASOURCE_USERNAME}/{@code _PASSWORD}) when
 * set, else the embedded one in {@code TRAITANT_DATABASE_EMBEDDED_DIRECTORY} (default {@code app/data/postgres}, where
 * {@code ./traitant run} keeps it): started for the command when Traitant is stopped, reached where it runs otherwise
 * (a backup is a consistent snapshot while the application works; a restore wants an empty, new directory).
 */
public final class BackupCommand {

    private BackupCommand() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            System.err.println("Usage : ./traitant backup FICHIER.zip | ./traitant restore FICHIER.zip");
            System.exit(2);
        }
        Path file = Path.of(args[1]).toAbsolutePath();
        if (args[0].equals("restore") && !Files.isRegularFile(file)) {
            System.err.println("Fichier introuvable : " + file);
            System.exit(2);
        }
        if (args[0].equals("backup") && Files.exists(file)) {
            System.err.println("Le fichier existe déjà (il n'est jamais écrasé) : " + file);
            System.exit(2);
        }
        String url = System.getenv("SPRING_DATASOURCE_URL");
        EmbeddedDatabase started = null;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        if (url != null && !url.isBlank()) {
            dataSource.setURL(url);
            dataSource.setUser(System.getenv("SPRING_DATASOURCE_USERNAME"));
            dataSource.setPassword(System.getenv("SPRING_DATASOURCE_PASSWORD"));
            System.out.println("Base : " + url);
        } else {
            String configured = System.getenv("TRAITANT_DATABASE_EMBEDDED_DIRECTORY");
            Path dir = Path.of(configured == null || configured.isBlank() ? "app/data/postgres" : configured)
                    .toAbsolutePath()
                    .normalize();
            try {
                started = EmbeddedDatabase.start(dir, 0, false);
                dataSource.setURL(started.jdbcUrl());
                dataSource.setUser(started.user());
                dataSource.setPassword(started.password());
            } catch (EmbeddedDatabase.EmbeddedDatabaseInUseException running) {
                String[] connection = EmbeddedDatabase.runningConnection(dir).orElseThrow(() -> running);
                dataSource.setURL(connection[0]);
                dataSource.setUser(connection[1]);
                dataSource.setPassword(connection[2]);
            }
            System.out.println("Base intégrée : " + dir);
        }
        try {
            long start = System.nanoTime();
            DatabaseBackup.Manifest manifest = args[0].equals("backup")
                    ? DatabaseBackup.backup(dataSource, file, line -> System.out.println("  " + line))
                    : DatabaseBackup.restore(dataSource, file, line -> System.out.println("  " + line));
            System.out.printf(
                    "%s : %d tables, %d lignes, schéma version %s, %s (%.1f s)%n",
                    args[0].equals("backup") ? "Sauvegarde écrite" : "Restauration faite",
                    manifest.rows().size(),
                    manifest.totalRows(),
                    manifest.schemaVersion(),
                    file,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            if (started != null) started.close();
        }
    }
}
