package fr.traitant.app.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Sign-in page, the signed-in person's page, the access-denied page. */
@Controller
class IdentityPages {

    static final String NOT_FOUND = "/introuvable";

    /** A button on the login page for one OpenID Connect client registration. */
    record OidcButton(String registrationId, String label) {}

    private final ObjectProvider<ClientRegistrationRepository> oidcClients;
    private final ObjectProvider<DemoAccounts> demoAccounts;

    private final CurrentUser currentUser;
    private final java.util.List<WorkSummary> workSummaries;
    private final Inbox inbox;

    IdentityPages(
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            ObjectProvider<DemoAccounts> demoAccounts,
            CurrentUser currentUser,
            java.util.List<WorkSummary> workSummaries,
            Inbox inbox) {
        this.inbox = inbox;
        this.oidcClients = oidcClients;
        this.demoAccounts = demoAccounts;
        this.currentUser = currentUser;
        this.workSummaries = workSummaries;
    }

    /** Why an OpenID Connect first sign-in was refused, by error code (OidcAccountLinker), in French. */
    static final java.util.Map<String, String> REFUSALS = java.util.Map.of(
            OidcAccountLinker.UNKNOWN_DOCTOR,
                    "Pro Santé Connect vous a bien identifié(e), mais votre numéro RPPS ne correspond à aucun "
                            + "médecin en exercice dans l'annuaire national tenu par Traitant (il est mis à jour à chaque extraction nationale). "
                            + "Aucun compte n'a été créé. Si vous venez de vous installer, réessayez après la prochaine mise à jour, ou demandez "
                            + "une invitation au responsable du réseau des médecins solidaires.",
            OidcAccountLinker.NO_MEMBER,
                    "FranceConnect vous a bien identifié(e), mais aucun assuré de la caisse ne correspond à cette "
                            + "identité. Aucun compte n'a été créé. Un conseiller de la PASS a été prévenu pour vérifier votre dossier ; vous "
                            + "pouvez aussi activer votre compte avec le code reçu par courrier.",
            OidcAccountLinker.SEVERAL_MEMBERS,
                    "FranceConnect vous a bien identifié(e), mais votre identité correspond à plusieurs "
                            + "dossiers de la caisse : par sécurité, aucun compte n'a été créé. Un conseiller de la PASS a été prévenu pour "
                            + "vérifier votre dossier ; vous pouvez aussi activer votre compte avec le code reçu par courrier.",
            OidcAccountLinker.DISABLED, "Ce compte est désactivé. Adressez-vous à l'administrateur de Traitant.");

    @GetMapping("/connexion")
    String login(
            @RequestParam Optional<String> erreur,
            @RequestParam Optional<String> verrou,
            @RequestParam Optional<String> refus,
            @RequestParam Optional<String> compte,
            Model model) {
        if (compte.isPresent()) {
            model.addAttribute(
                    "info",
                    "Votre compte est créé. Connectez-vous avec votre adresse électronique et votre mot de passe.");
        }
        if (refus.filter(REFUSALS::containsKey).isPresent()) {
            model.addAttribute("error", REFUSALS.get(refus.get()));
        } else if (verrou.isPresent()) {
            model.addAttribute(
                    "error",
                    "Trop de tentatives de connexion ont échoué. Par sécurité, la connexion est bloquée "
                            + "pendant quelques minutes, même avec le bon mot de passe. Réessayez plus tard.");
        } else if (refus.isPresent()) {
            model.addAttribute(
                    "error",
                    "La connexion par le fournisseur d'identité a été refusée : aucun compte Traitant ne correspond.");
        } else if (erreur.isPresent()) {
            model.addAttribute("error", "Identifiant ou mot de passe incorrect.");
        }
        List<OidcButton> buttons = new ArrayList<>();
        if (oidcClients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object o : registrations) {
                ClientRegistration r = (ClientRegistration) o;
                buttons.add(new OidcButton(r.getRegistrationId(), r.getClientName()));
            }
        }
        model.addAttribute("oidcButtons", buttons);
        DemoAccounts demo = demoAccounts.getIfAvailable();
        model.addAttribute("demoAccounts", demo == null ? List.of() : demo.accounts());
        return "identity/login";
    }

    @GetMapping("/mon-compte")
    String account(org.springframework.ui.Model model) {
        SignedInUser user = currentUser.get();
        model.addAttribute(
                "work",
                workSummaries.stream()
                        .flatMap(w -> w.itemsFor(user).stream())
                        .sorted(java.util.Comparator.comparingInt(WorkSummary.Item::order))
                        .toList());
        return "identity/account";
    }

    /** The signed-in person's notifications, newest first, page by page; shown means read. */
    @GetMapping("/mes-notifications")
    String notifications(fr.traitant.app.platform.ListRequest list, org.springframework.ui.Model model) {
        SignedInUser user = currentUser.get();
        model.addAttribute("notifications", inbox.page(user.accountId(), list));
        inbox.markAllRead(user.accountId());
        model.addAttribute("unreadNotifications", 0);
        return "identity/notifications";
    }

    @RequestMapping("/acces-refuse")
    ModelAndView denied() {
        ModelAndView page = new ModelAndView("error", HttpStatus.FORBIDDEN);
        page.addObject("status", 403);
        page.addObject("title", "Accès refusé");
        page.addObject(
                "detail",
                "Vous n'avez pas accès à cette page, ou le formulaire a expiré : rechargez la page et réessayez.");
        return page;
    }

    @RequestMapping(NOT_FOUND)
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        page.addObject("title", "Page introuvable");
        page.addObject("detail", "La page que vous cherchez n'existe pas ou a été déplacée.");
        return page;
    }
}
