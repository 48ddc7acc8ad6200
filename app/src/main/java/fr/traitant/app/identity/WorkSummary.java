package fr.traitant.app.identity;

import java.util.List;

/**
 * What a module has waiting for a signed-in person, shown on their dashboard ("Mon espace", where each role lands
 * after signing in): a proposal to answer, overdue cases, failing e-mails… Each feature module contributes its own;
 * identity depends on none of them.
 */
public interface WorkSummary {

    /** One card of the dashboard: a title, a figure (may be empty), a sentence and the page where the work is. */
    record Item(int order, String title, String figure, String text, String href) {}

    List<Item> itemsFor(SignedInUser user);
}
