package fr.traitant.app.network;

import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Invitations;
import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.engine.directory.Rpps;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The network manager invites signatories to create their account (NETWORK_MANAGER): the signatories of a département,
 * page by page, with whether each has an account or an invitation in progress; a selection is invited at the MSSanté
 * address of the directory; an invitation is resent (new link, new validity) from the same list.
 */
@Controller
class DoctorInvitationPages {

    private final Charter charter;
    private final NetworkDoctors doctors;
    private final Accounts accounts;
    private final Invitations invitations;
    private final fr.traitant.app.territory.Territory territory;

    DoctorInvitationPages(
            Charter charter,
            NetworkDoctors doctors,
            Accounts accounts,
            Invitations invitations,
            fr.traitant.app.territory.Territory territory) {
        this.charter = charter;
        this.doctors = doctors;
        this.accounts = accounts;
        this.invitations = invitations;
        this.territory = territory;
    }

    /** A signatory as the selection shows them. */
    record Row(
            String rpps,
            String name,
            String commune,
            Optional<String> mssante,
            boolean hasAccount,
            Optional<Invitations.View> invitation,
            boolean synthetic) {

        public boolean invitable() {
            return !hasAccount
                    && mssante.isPresent()
                    && invitation.filter(Invitations.View::open).isEmpty();
        }

        public String state() {
            if (hasAccount) {
                return "Compte créé";
            }
            return invitation
                    .map(i -> i.stateLabel() + " (envoyée le " + fr.traitant.app.platform.FrenchDates.day(i.sentAt())
                            + (i.open() ? ", expire le " + fr.traitant.app.platform.FrenchDates.day(i.expiresAt()) : "")
                            + ")")
                    .orElse(
                            mssante.isPresent()
                                    ? "Pas de compte"
                                    : "Pas de compte — aucune adresse MSSanté dans l’annuaire");
        }
    }

    @GetMapping("/reseau/invitations")
    String page(
            @RequestParam(required = false) String departement,
            ListRequest list,
            Model model,
            HttpServletResponse response) {
        String code = departement == null ? "" : departement.strip().toUpperCase(Locale.ROOT);
        Optional<String> error = territory.departementError(departement);
        model.addAttribute("departementInput", departement == null ? "" : departement);
        if (error.isPresent()) {
            response.setStatus(422);
            model.addAttribute("departementError", error.get());
            code = "";
        }
        ListPage<Membership> members =
                charter.members(Optional.of(code).filter(c -> !c.isEmpty()), list, ListRequest.SIZE);
        Map<String, Invitations.View> latest = invitations.latestByRpps(
                members.rows().stream().map(Membership::rpps).toList());
        model.addAttribute("rows", members.map(m -> {
            Optional<NetworkDoctors.Doctor> profile = doctors.findByRpps(m.rpps());
            return new Row(
                    m.rpps(),
                    m.doctorName(),
                    territory.communeLabel(m.communeCode()),
                    profile.map(NetworkDoctors.Doctor::mssante).filter(s -> s != null && !s.isBlank()),
                    accounts.findDoctorByRpps(m.rpps()).isPresent(),
                    Optional.ofNullable(latest.get(m.rpps())),
                    m.synthetic()
                            || profile.map(NetworkDoctors.Doctor::synthetic).orElse(false));
        }));
        model.addAttribute("departement", code);
        return "network/invitations";
    }

    @PostMapping("/reseau/invitations")
    String invite(
            @RequestParam(name = "rpps", required = false) List<String> selected,
            @RequestParam(defaultValue = "") String departement,
            RedirectAttributes redirect) {
        List<String> sent = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String rpps : selected == null ? List.<String>of() : selected) {
            Optional<NetworkDoctors.Doctor> p = doctors.findByRpps(rpps).filter(NetworkDoctors.Doctor::active);
            if (p.isEmpty() || charter.membership(rpps).isEmpty()) {
                problems.add(rpps + " : pas un signataire actif de l’annuaire");
                continue;
            }
            String name = p.get().displayName();
            if (p.get().mssante() == null || p.get().mssante().isBlank()) {
                problems.add(name + " : aucune adresse MSSanté dans l’annuaire");
                continue;
            }
            try {
                invitations.inviteDoctor(new Rpps(rpps), p.get().mssante(), name);
                sent.add(name);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (sent.isEmpty() && problems.isEmpty()) {
            redirect.addFlashAttribute("error", "Cochez au moins un médecin à inviter.");
        }
        if (!sent.isEmpty()) {
            redirect.addFlashAttribute(
                    "message",
                    sent.size() + " invitation(s) envoyée(s) à l’adresse MSSanté : " + String.join(", ", sent) + ".");
        }
        if (!problems.isEmpty()) {
            redirect.addFlashAttribute("problems", problems);
        }
        return backToList(departement, redirect);
    }

    @PostMapping("/reseau/invitations/{id}/renvoyer")
    String resend(
            @PathVariable long id, @RequestParam(defaultValue = "") String departement, RedirectAttributes redirect) {
        Optional<Invitations.View> v =
                invitations.find(id).filter(i -> i.role() == fr.traitant.app.identity.Role.DOCTOR);
        try {
            invitations.resend(v.orElseThrow(() -> new IllegalArgumentException("Invitation introuvable."))
                    .id());
            redirect.addFlashAttribute(
                    "message", "Invitation renvoyée à " + v.get().displayName() + " avec un nouveau lien.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return backToList(departement, redirect);
    }

    /** The list again, filtered as it was (the département as typed, encoded: it is only a filter of the page). */
    private static String backToList(String departement, RedirectAttributes redirect) {
        if (!departement.isBlank()) {
            redirect.addAttribute("departement", departement.strip());
        }
        return "redirect:/reseau/invitations";
    }
}
