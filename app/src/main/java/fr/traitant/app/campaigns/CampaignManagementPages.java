package fr.traitant.app.campaigns;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.network.Charter;
import fr.traitant.app.platform.CsvExport;
import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.territory.Territory;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A campaign's life (access: NETWORK_MANAGER): created from the optimiser's selection, its list edited while a draft,
 * sent (hold-out drawn, letters as one PDF), its results per département (CSV too).
 */
@Controller
class CampaignManagementPages {

    /** A row of the campaign's list as shown: the target and the doctor's name and commune. */
    record Row(CampaignTarget target, String name, String commune) {}

    private final Campaigns campaigns;
    private final CampaignTargeting targeting;
    private final CampaignLetters letters;
    private final CampaignSending sending;
    private final CampaignResults results;
    private final Doctors doctors;
    private final Charter charter;
    private final Territory territory;
    private final CurrentUser currentUser;

    CampaignManagementPages(
            Campaigns campaigns,
            CampaignTargeting targeting,
            CampaignLetters letters,
            CampaignSending sending,
            CampaignResults results,
            Doctors doctors,
            Charter charter,
            Territory territory,
            CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.targeting = targeting;
        this.letters = letters;
        this.sending = sending;
        this.results = results;
        this.doctors = doctors;
        this.charter = charter;
        this.territory = territory;
        this.currentUser = currentUser;
    }

    /** Creates the campaign from the selection the optimiser makes now for this département and budget. */
    @PostMapping("/reseau/campagnes")
    String create(
            @Valid @ModelAttribute("campaign") CampaignForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        String dep =
                form.departement() == null ? "" : form.departement().strip().toUpperCase(Locale.ROOT);
        if (!errors.hasFieldErrors("departement")) {
            territory.departementError(dep).ifPresent(e -> errors.rejectValue("departement", "departement", e));
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            if (errors.hasFieldErrors("departement") || errors.hasFieldErrors("budget")) {
                // the département and the budget come from the targeting page's hidden fields: not a typing mistake
                throw new IllegalArgumentException(errors.getFieldErrors().stream()
                        .map(org.springframework.context.support.DefaultMessageSourceResolvable::getDefaultMessage)
                        .filter(Objects::nonNull)
                        .collect(java.util.stream.Collectors.joining(" ")));
            }
            CampaignTargeting.Targeting again = targeting.target(dep, Objects.requireNonNull(form.budget()));
            model.addAttribute("targeting", again);
            model.addAttribute(
                    "oddsRatios", SigningModel.oddsRatios(again.estimate()).orElse(List.of()));
            model.addAttribute("synthetic", charter.anySynthetic());
            model.addAttribute("channels", CampaignForm.CHANNELS);
            return "campaigns/targeting";
        }
        CampaignTargeting.Targeting t = targeting.target(dep, Objects.requireNonNull(form.budget()));
        long id = campaigns.create(
                new Campaigns.Plan(
                        Objects.requireNonNull(form.name()).strip(),
                        Objects.requireNonNull(form.channel()),
                        Objects.requireNonNull(form.holdoutPercent()),
                        Objects.requireNonNull(form.reminderWeeks()),
                        form.scheduledFor()),
                t,
                currentUser.get().accountId(),
                charter.anySynthetic());
        return "redirect:/reseau/campagnes/" + id;
    }

    @GetMapping("/reseau/campagnes/{id}")
    String campaign(@PathVariable long id, ListRequest list, Model model) {
        Campaign c = campaigns.get(id);
        ListPage<CampaignTarget> page = campaigns.targets(id, list);
        model.addAttribute("campaign", c);
        model.addAttribute("departementName", territory.departementLabel(c.departement()));
        model.addAttribute("targets", page.map(this::row));
        model.addAttribute("results", c.draft() ? null : results.of(id));
        List<CampaignTarget> all = campaigns.allTargets(id);
        model.addAttribute(
                "byLetter",
                all.stream().filter(t -> "LETTER".equals(t.sentBy())).count());
        model.addAttribute(
                "kept", all.stream().filter(t -> t.removedAt() == null).count());
        return "campaigns/campaign";
    }

    private Row row(CampaignTarget t) {
        DoctorProfile d = doctors.findProfile(t.doctorId()).orElse(null);
        String commune =
                d == null ? "" : territory.communeLabel(d.locations().getFirst().communeCode());
        return new Row(t, d == null ? t.rpps() : d.displayName(), commune);
    }

    @PostMapping("/reseau/campagnes/{id}/cibles/{doctorId}/retirer")
    String remove(@PathVariable long id, @PathVariable String doctorId, RedirectAttributes redirect) {
        campaigns.remove(id, doctorId);
        redirect.addFlashAttribute("message", "Médecin retiré de la liste : il ne recevra pas de courrier.");
        return "redirect:/reseau/campagnes/" + id;
    }

    @PostMapping("/reseau/campagnes/{id}/cibles/{doctorId}/remettre")
    String restore(@PathVariable long id, @PathVariable String doctorId, RedirectAttributes redirect) {
        campaigns.restore(id, doctorId);
        redirect.addFlashAttribute("message", "Médecin remis sur la liste.");
        return "redirect:/reseau/campagnes/" + id;
    }

    @PostMapping("/reseau/campagnes/{id}/envoi")
    String send(@PathVariable long id, RedirectAttributes redirect) {
        CampaignSending.Sent sent = sending.send(id);
        redirect.addFlashAttribute(
                "message",
                "Campagne envoyée : les témoins sont tirés ; " + sent.emails()
                        + " e-mail(s) partent par la messagerie, " + sent.letters()
                        + " courrier(s) sont prêts à imprimer (PDF).");
        return "redirect:/reseau/campagnes/" + id;
    }

    @PostMapping("/reseau/campagnes/{id}/relance")
    String remind(@PathVariable long id, RedirectAttributes redirect) {
        CampaignSending.Sent sent = sending.remind(id);
        redirect.addFlashAttribute(
                "message",
                "Relance faite : " + sent.emails() + " e-mail(s) partent, " + sent.letters()
                        + " courrier(s) de relance sont prêts à imprimer (PDF).");
        return "redirect:/reseau/campagnes/" + id;
    }

    @GetMapping(value = "/reseau/campagnes/{id}/relances.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> reminders(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campagne-" + id + "-relances.pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(letters.renderReminders(id, sending.toRemind(id)));
    }

    @GetMapping(value = "/reseau/campagnes/{id}/courriers.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> letters(@PathVariable long id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"campagne-" + id + "-courriers.pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(letters.render(id));
    }

    @GetMapping(value = "/reseau/campagnes/{id}/resultats.csv", produces = "text/csv")
    ResponseEntity<String> resultsCsv(@PathVariable long id) {
        CampaignResults.Results r = results.of(id);
        List<List<String>> rows = new java.util.ArrayList<>();
        for (CampaignResults.Line l : r.departements()) rows.add(csv(l));
        rows.add(csv(r.total()));
        return CsvExport.of(
                "campagne-" + id + "-resultats.csv",
                List.of(
                        "departement",
                        "ecrits",
                        "temoins",
                        "liens_ouverts",
                        "signes_par_le_lien",
                        "signataires_parmi_les_ecrits",
                        "signataires_parmi_les_temoins",
                        "refus_des_campagnes",
                        "places_gagnees_par_an",
                        "demande_nouvellement_couverte",
                        "cout_euros",
                        "cout_par_signature_euros"),
                rows);
    }

    private static List<String> csv(CampaignResults.Line l) {
        return List.of(
                l.departement().isEmpty() ? "total" : l.departement(),
                Integer.toString(l.contacted()),
                Integer.toString(l.holdout()),
                Integer.toString(l.opened()),
                Integer.toString(l.signedThroughLink()),
                Integer.toString(l.signedContacted()),
                Integer.toString(l.signedHoldout()),
                Integer.toString(l.optedOut()),
                Long.toString(l.placesGained()),
                String.format(Locale.ROOT, "%.2f", l.newlyCovered()),
                String.format(Locale.ROOT, "%.2f", l.costEuros()),
                l.costPerSignature() == null ? "" : String.format(Locale.ROOT, "%.2f", l.costPerSignature()));
    }
}
