package fr.traitant.app.cases;

/** How a case reached the fund. "From the insured" counts the person's own requests (the report's 96 %). */
public enum Channel {
    ONLINE_FORM("Formulaire en ligne", true),
    PHONE("Téléphone (assuré)", true),
    MAIL("Courrier ou courriel (assuré)", true),
    ARMY_HEALTH_SERVICE("Partenaire : service de santé des armées", false),
    ATLAS_DESK("Partenaire : guichet ATLAS", false),
    SOCIAL_SERVICES("Partenaire : service social", false),
    MUTUAL_INSURER("Partenaire : mutuelle", false),
    AGENT_REPORT("Agent signalant une difficulté", false);

    private final String label;
    private final boolean fromInsured;

    Channel(String label, boolean fromInsured) {
        this.label = label;
        this.fromInsured = fromInsured;
    }

    public String label() {
        return label;
    }

    public boolean fromInsured() {
        return fromInsured;
    }
}
