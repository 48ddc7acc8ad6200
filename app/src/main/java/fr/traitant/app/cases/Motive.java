package fr.traitant.app.cases;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Why a person asks for help, in the taxonomy of the fund's 2024 activity report: the PASS's six motives and the
 * conciliator's (finding a médecin traitant is ~70 % of the conciliator's cases too).
 */
public enum Motive {
    FIND_DOCTOR("Recherche d'un médecin traitant", EnumSet.of(CaseKind.PASS, CaseKind.CONCILIATION)),
    ACCESS_TO_CARE("Accès aux soins", EnumSet.of(CaseKind.PASS)),
    ACCESS_TO_RIGHTS("Accès aux droits", EnumSet.of(CaseKind.PASS)),
    COMPLEX_SOCIAL_SITUATION("Situation sociale et sanitaire complexe", EnumSet.of(CaseKind.PASS)),
    INFORMATION_REQUEST("Demande de renseignement", EnumSet.of(CaseKind.PASS)),
    FINANCIAL_HELP("Demande d'aide financière", EnumSet.of(CaseKind.PASS)),
    DISPUTE_WITH_FUND(
            "Litige avec la caisse (droits, contrôle médical, prestations)", EnumSet.of(CaseKind.CONCILIATION)),
    REFUSAL_OF_CARE("Refus de soins par un professionnel de santé", EnumSet.of(CaseKind.CONCILIATION)),
    VITALE_PHOTO_EXEMPTION("Dispense de photo sur la carte Vitale", EnumSet.of(CaseKind.CONCILIATION)),
    OTHER("Autre demande", EnumSet.of(CaseKind.CONCILIATION));

    private final String label;
    private final Set<CaseKind> kinds;

    Motive(String label, Set<CaseKind> kinds) {
        this.label = label;
        this.kinds = kinds;
    }

    public String label() {
        return label;
    }

    public boolean allowedFor(CaseKind kind) {
        return kinds.contains(kind);
    }

    public static List<Motive> of(CaseKind kind) {
        return Arrays.stream(values()).filter(m -> m.allowedFor(kind)).toList();
    }
}
