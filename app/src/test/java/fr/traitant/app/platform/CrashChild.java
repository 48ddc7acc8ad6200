package fr.traitant.app.platform;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * The "application" of {@link EmbeddedDatabaseCrashTest}, run in a child JVM: starts the embedded database as the
 * application does, then commits one row after another and prints "confirmed N" once each commit has returned —
 * what a user would have been told "saved". Runs until killed.
 */
public final class CrashChild {

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), 0, false);
        try (Connection connection =
                DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table if not exists crash_write (id bigint primary key, body text not null)");
            }
            System.out.println("ready " + database.postmasterPid());
            System.out.flush();
            long start = Long.parseLong(args[1]);
            try (PreparedStatement insert =
                    connection.prepareStatement("insert into crash_write (id, body) values (?, ?)")) {
                for (long id = start; ; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "journal entry " + id + " ".repeat(200));
                    insert.executeUpdate(); // autocommit: returns once committed
                    System.out.println("confirmed " + id);
                    System.out.flush();
                }
            }
        }
    }

    private CrashChild() {}
}
