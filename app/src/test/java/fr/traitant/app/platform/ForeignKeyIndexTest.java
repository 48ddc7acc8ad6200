package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every foreign key has an index that starts with its columns: deleting or updating the referenced row (retention,
 * closing a household) must not scan the referencing table, and joins along the key stay cheap.
 */
@IntegrationTest
class ForeignKeyIndexTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_foreign_key_is_indexed() {
        List<String> missing = jdbc.sql("""
                        select c.conrelid::regclass || ' (' || string_agg(a.attname, ', ' order by k.ord) || ')'
                          from pg_constraint c
                          cross join lateral unnest(c.conkey) with ordinality as k(attnum, ord)
                          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
                         where c.contype = 'f' and c.connamespace = 'public'::regnamespace
                           and not exists (
                                 select 1 from pg_index i
                                  where i.indrelid = c.conrelid
                                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
                         group by c.conrelid, c.conname
                         order by 1""").query(String.class).list();
        assertThat(missing).as("foreign keys without an index").isEmpty();
    }
}
