package fr.traitant.app.programmes;

/** The kinds of France Santé sites. */
public enum CareSiteKind {
    MSP("Maison de santé pluriprofessionnelle"),
    CENTRE_DE_SANTE("Centre de santé"),
    CABINET_REGROUPE("Cabinet médical regroupé"),
    HOPITAL_DE_PROXIMITE("Hôpital de proximité"),
    CONSULTATIONS_AVANCEES("Consultations avancées"),
    PHARMACIE_TELECONSULTATION("Pharmacie avec cabine de téléconsultation"),
    MEDICOBUS("Médicobus");

    private final String label;

    CareSiteKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value written in an import file: "msp", "centre-de-sante"… (the constant's name is accepted too). */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
