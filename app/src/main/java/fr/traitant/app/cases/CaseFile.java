package fr.traitant.app.cases;

import java.util.List;

/** A case and its journal, oldest line first. */
public record CaseFile(CaseView view, List<JournalEntry> journal) {
    public CaseFile {
        journal = List.copyOf(journal);
    }
}
