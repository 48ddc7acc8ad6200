package fr.traitant.app.cases;

import fr.traitant.app.identity.FranceConnectUnmatched;
import fr.traitant.app.platform.values.EmailAddress;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A FranceConnect first sign-in that matched no member, or several, becomes a PASS case: an advisor checks the
 * person's file and contacts them (the person was told so, and nothing else). The case holds the identity FranceConnect
 * certified, which the advisor needs to find the member.
 */
@Component
class UnmatchedSignInCases {

    private final Cases cases;

    UnmatchedSignInCases(Cases cases) {
        this.cases = cases;
    }

    @EventListener
    void on(FranceConnectUnmatched unmatched) {
        var p = unmatched.pivot();
        String identity = p.givenNames() + " " + p.familyName() + ", né(e) le "
                + fr.traitant.app.platform.FrenchDates.day(p.birthDate())
                + (p.birthplace().isBlank() ? "" : ", lieu de naissance (code INSEE) " + p.birthplace());
        String summary = (unmatched.candidates() == 0
                        ? "Connexion FranceConnect sans correspondance : aucun assuré de la caisse ne correspond à l'identité certifiée "
                        : "Connexion FranceConnect ambiguë : " + unmatched.candidates()
                                + " assurés correspondent à l'identité certifiée ")
                + identity
                + ". Aucun compte n'a été créé. Vérifier le dossier (orthographe, date de naissance, NIR) puis "
                + "envoyer un code d'activation ou corriger le fichier des bénéficiaires.";
        cases.openBySystem(new NewCase(
                CaseKind.PASS,
                Channel.ONLINE_FORM,
                Motive.ACCESS_TO_RIGHTS,
                Set.of(),
                null,
                p.givenNames() + " " + p.familyName(),
                unmatched.email().flatMap(UnmatchedSignInCases::address).orElse(null),
                null,
                null,
                summary,
                Priority.NORMAL));
    }

    private static java.util.Optional<EmailAddress> address(String email) {
        try {
            return java.util.Optional.of(EmailAddress.of(email));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty(); // an address we cannot use: the case is opened without it
        }
    }
}
