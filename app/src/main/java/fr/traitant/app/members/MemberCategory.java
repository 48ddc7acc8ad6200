package fr.traitant.app.members;

/** The fund's categories of beneficiaries (CNMSS 2024 report, "Population protégée"). */
public enum MemberCategory {
    /** Assuré en activité. */
    ACTIVE("Assurés en activité"),
    /** Assuré retraité. */
    RETIRED("Assurés retraités"),
    /** Autre assuré (en invalidité, en maintien de droits). */
    OTHER_INSURED("Autres assurés (en invalidité, en maintien de droits)"),
    /** Membre de la famille d'un assuré (conjoint, enfant majeur affilié personnellement, enfant mineur). */
    FAMILY_MEMBER("Membres de la famille d'assurés");

    private final String label;

    MemberCategory(String label) {
        this.label = label;
    }

    /** French label, as in the report. */
    public String label() {
        return label;
    }

    /** Whether this category is an insured person (opens a household), as opposed to a dependant. */
    public boolean insured() {
        return this != FAMILY_MEMBER;
    }
}
