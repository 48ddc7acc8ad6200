package fr.traitant.app.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.platform.ListRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The in-memory commune lookups answer what PostgreSQL answers for the same question over the same reference data (the
 * SQL the index replaced, run here as the independent method): same communes, same order, same totals.
 */
@IntegrationTest
class CommuneIndexTest {

    @Autowired
    Territory territory;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "s", "saint", "Saint-É", "to", "Toulon", "bre", "L'Isle", "ile d", "83", "29200", "2", "75", "97",
                "zzz", "0", "y"
            })
    void the_same_communes_in_the_same_order_as_the_database(String typed) {
        String normalized = SearchText.normalize(typed);
        boolean postal = normalized.matches("[0-9]+");
        String like = normalized.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = postal
                ? "exists (select 1 from commune_postal_code p where p.commune_code = c.code and p.postal_code like ?)"
                : "c.name_search like ?";
        List<String> expected = jdbc.sql("select c.code from commune c where " + where
                        + " order by c.population desc, c.code collate \"C\" limit 50")
                .param(like)
                .query(String.class)
                .list();
        long expectedTotal = jdbc.sql("select count(*) from commune c where " + where)
                .param(like)
                .query(Long.class)
                .single();

        assertThat(territory.searchCommunes(typed, 50).stream().map(CommuneSummary::code))
                .containsExactlyElementsOf(expected);
        assertThat(territory
                        .searchCommunes(typed, ListRequest.first("/communes"))
                        .total())
                .isEqualTo(expectedTotal);
        if (!expected.isEmpty()) {
            CommuneSummary first = territory.getCommune(expected.getFirst());
            assertThat(first.postalCodes())
                    .containsExactlyInAnyOrderElementsOf(
                            jdbc.sql("select postal_code from commune_postal_code where commune_code = ?")
                                    .param(first.code())
                                    .query(String.class)
                                    .list());
        }
    }
}
