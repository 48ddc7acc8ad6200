package fr.traitant.app.cases;

/**
 * A situation recorded on a case (PASS referral) that makes it more urgent or calls for a partner (social services, army
 * health service). Not the member's vulnerability flags of the waiting-list priority ({@code members.Vulnerability}):
 * see docs/glossary.md.
 */
public enum CaseSituation {
    LONG_TERM_CONDITION("Affection de longue durée (ALD)"),
    DISABILITY("Handicap"),
    ELDERLY("Personne âgée (75 ans et plus)"),
    PREGNANCY("Grossesse"),
    YOUNG_CHILD("Enfant de moins de 6 ans"),
    RECENT_TRANSFER("Mutation récente"),
    ISOLATION("Isolement (conjoint en opération, famille éloignée)"),
    FINANCIAL_HARDSHIP("Difficultés financières"),
    DIGITAL_EXCLUSION("Difficultés avec le numérique");

    private final String label;

    CaseSituation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
