package fr.traitant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module reads or writes another module's tables: a table belongs to the module whose migration folder
 * ({@code db/schema/<module>/}) holds the migration that creates it, and only that module's code names it in SQL.
 * Others go through the owner's facade (ARCHITECTURE.md).
 */
class ModuleTablesTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/schema");
    private static final Path CODE = Path.of("src/main/java/fr/traitant/app");
    private static final Pattern CREATE = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)");
    private static final Pattern USE = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_]+)\\b");

    /** Tables whose owner changed after the migration that created them. */
    private static final Map<String, String> MOVED = Map.of("outbox_message", "platform"); // issue 14

    @Test
    void no_module_names_another_modules_tables_in_its_sql() throws IOException {
        Map<String, String> owner = owners();
        assertThat(owner).containsEntry("doctor", "directory").containsEntry("commune", "territory");
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CODE)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String module = CODE.relativize(file).getName(0).toString();
                Matcher m = USE.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
                    String tableOwner = owner.get(table);
                    if (tableOwner != null && !tableOwner.equals(module)) {
                        crossings.add(CODE.relativize(file) + ": " + table + " (" + tableOwner + ")");
                    }
                }
            }
        }
        assertThat(crossings).isEmpty();
    }

    @Test
    void the_check_sees_a_crossing() {
        Matcher m = USE.matcher("select c.name from doctor d join commune c on c.code = d.commune_code");
        List<String> tables = new ArrayList<>();
        while (m.find()) tables.add(m.group(1));
        assertThat(tables).containsExactly("doctor", "commune");
    }

    private static Map<String, String> owners() throws IOException {
        Map<String, String> owner = new HashMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                // db/schema/<module>/V<n>__<what>.sql: the folder names the module
                String module = MIGRATIONS.relativize(f).getName(0).toString();
                Matcher c = CREATE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (c.find()) owner.put(c.group(1).toLowerCase(java.util.Locale.ROOT), module);
            }
        }
        owner.putAll(MOVED);
        return owner;
    }

    @Test
    void every_migration_is_in_the_folder_of_an_existing_module() throws IOException {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            assertThat(files.filter(p -> p.toString().endsWith(".sql")).toList())
                    .allSatisfy(f -> {
                        Path relative = MIGRATIONS.relativize(f);
                        assertThat(relative.getNameCount())
                                .as("%s is in a module's folder", relative)
                                .isEqualTo(2);
                        assertThat(CODE.resolve(relative.getName(0)))
                                .as("module of %s", relative)
                                .isDirectory();
                    });
        }
    }
}
