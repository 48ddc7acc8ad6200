package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one way to page and sort a list, and the French words of dates and durations (pure, no application). */
class ListPageTest {

    private static final Map<String, String> SORTABLE = Map.of("priorite", "priority", "attente", "waiting_since");

    @Test
    void a_page_says_its_total_and_where_it_is_in_french() {
        ListRequest request = new ListRequest(2, "", false, "/liste-attente", "departement=83&page=2");
        ListPage<String> page = request.page(List.of("a", "b"), 224, 50);
        assertThat(page.pages()).isEqualTo(5);
        assertThat(page.summary("foyer", "foyers")).isEqualTo("224 foyers — page 2 sur 5");
        assertThat(page.firstRow()).isEqualTo(51);
        assertThat(page.window()).containsExactly(1, 2, 3, 4);
        assertThat(request.page(List.of("a"), 1, 50).summary("foyer", "foyers")).isEqualTo("1 foyer");
        assertThat(request.page(List.<String>of(), 0, 50).summaryFeminine("commune", "communes"))
                .isEqualTo("Aucune commune");
        assertThat(request.page(List.of("a"), 12_345, 50).summary("accès", "accès"))
                .isEqualTo("12\u00a0345 accès — page 2 sur 247");
    }

    @Test
    void a_list_held_in_memory_is_cut_into_pages_with_its_total() {
        List<Integer> all =
                java.util.stream.IntStream.rangeClosed(1, 120).boxed().toList();
        ListPage<Integer> third = new ListRequest(3, "", false, "/appariements/18", "page=3").slice(all);
        assertThat(third.rows()).containsExactlyElementsOf(all.subList(100, 120));
        assertThat(third.total()).isEqualTo(120);
        assertThat(third.summary("foyer apparié", "foyers appariés")).isEqualTo("120 foyers appariés — page 3 sur 3");
        // a page beyond the end is empty, never an error; a page size of its own
        assertThat(new ListRequest(9, "", false, "/x", "").slice(all).rows()).isEmpty();
        assertThat(new ListRequest(2, "", false, "/x", "").slice(all, 20).rows())
                .containsExactlyElementsOf(all.subList(20, 40));
    }

    @Test
    void the_pager_and_the_headers_keep_the_filters() {
        ListRequest request =
                new ListRequest(2, "attente", false, "/liste-attente", "departement=83&tri=attente&page=2");
        ListPage<String> page = request.page(List.of("a"), 120, 50);
        assertThat(page.href(3)).isEqualTo("/liste-attente?departement=83&tri=attente&page=3");
        assertThat(page.href(1)).isEqualTo("/liste-attente?departement=83&tri=attente");
        // the current column turns around, another starts ascending; both go back to page 1
        assertThat(page.sortHref("attente")).isEqualTo("/liste-attente?departement=83&tri=attente&ordre=desc");
        assertThat(page.sortHref("priorite")).isEqualTo("/liste-attente?departement=83&tri=priorite");
        assertThat(page.ariaSort("attente")).isEqualTo("ascending");
        assertThat(page.ariaSort("priorite")).isEqualTo("none");
    }

    @Test
    void sorting_only_ever_uses_the_page_s_own_sql() {
        ListRequest hostile = new ListRequest(1, "id; drop table member", true, "/x", "");
        assertThat(hostile.orderBy(SORTABLE, "priorite", false, "id")).isEqualTo("priority asc nulls last, id");
        ListRequest known = new ListRequest(1, "attente", true, "/x", "");
        assertThat(known.orderBy(SORTABLE, "priorite", false, "id")).isEqualTo("waiting_since desc nulls last, id");
        assertThat(new ListRequest(-4, null, false, "/x", null).page()).isEqualTo(1);
        assertThat(new ListRequest(3, "", false, "/x", "").offset(50)).isEqualTo(100);
    }

    @Test
    void durations_and_dates_are_written_in_french() {
        assertThat(FrenchDates.duration(Period.ofYears(5))).isEqualTo("5 ans");
        assertThat(FrenchDates.duration(Period.of(1, 6, 0))).isEqualTo("1 an et 6 mois");
        assertThat(FrenchDates.duration(Period.ofDays(30))).isEqualTo("30 jours");
        assertThat(FrenchDates.duration(Duration.ofMinutes(200))).isEqualTo("3 h 20 min");
        assertThat(FrenchDates.duration(Duration.ofDays(14))).isEqualTo("14 jours");
        assertThat(FrenchDates.dayAndTime(java.time.Instant.parse("2026-12-02T15:48:00Z")))
                .isEqualTo("2 décembre 2026 à 16 h 48");
    }
}
