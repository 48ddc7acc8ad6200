package fr.traitant.app.continuity;

import fr.traitant.app.directory.CurrentDoctor;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Departures of doctors: the agents' list (declared, observed, predicted; patients among the members; paged and
 * filtered), a departure's page with what the APL would be without the doctor, declarations and their import; the
 * doctor's own declaration; the JSON list for agents.
 */
@Controller
class ContinuityPages {

    private final Departures departures;
    private final Handovers handovers;
    private final CurrentDoctor currentDoctor;

    ContinuityPages(Departures departures, Handovers handovers, CurrentDoctor currentDoctor) {
        this.departures = departures;
        this.handovers = handovers;
        this.currentDoctor = currentDoctor;
    }

    @GetMapping("/departs")
    String list(
            @RequestParam(name = "certitude", required = false) @Nullable Certainty certainty,
            ListRequest request,
            Model model) {
        List<Departures.Departure> all = departures.all();
        List<Departures.Departure> shown = certainty == null
                ? all
                : all.stream().filter(d -> d.certainty() == certainty).toList();
        model.addAttribute("departures", request.slice(shown));
        model.addAttribute("certainty", certainty);
        model.addAttribute("certainties", Certainty.values());
        Map<Certainty, Long> counts = new java.util.EnumMap<>(Certainty.class);
        for (Certainty c : Certainty.values())
            counts.put(c, all.stream().filter(d -> d.certainty() == c).count());
        model.addAttribute("counts", counts);
        model.addAttribute("reasons", DepartureReason.values());
        model.addAttribute("figure", handovers.figure());
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        return "continuity/departures";
    }

    @PostMapping("/departs")
    String declare(
            @RequestParam(defaultValue = "") String rpps,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "RETIREMENT") DepartureReason motif,
            @RequestParam(defaultValue = "") String successeur,
            @RequestParam(name = "nouvelle_commune", defaultValue = "") String nouvelleCommune,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        LocalDate on = parse(date);
        List<String> problems = departures.check(rpps.strip(), on, successeur.strip(), motif, nouvelleCommune);
        if (!problems.isEmpty() || on == null) {
            redirect.addFlashAttribute("errors", problems);
            redirect.addFlashAttribute(
                    "form",
                    Map.of(
                            "rpps",
                            rpps,
                            "date",
                            date,
                            "motif",
                            motif.name(),
                            "successeur",
                            successeur,
                            "nouvelle_commune",
                            nouvelleCommune,
                            "note",
                            note));
            return "redirect:/departs";
        }
        departures.declare(rpps.strip(), on, motif, successeur, nouvelleCommune, Departures.Source.AGENT, note);
        int opened = handovers.openDue();
        redirect.addFlashAttribute(
                "message",
                opened > 0
                        ? "Départ enregistré : la passation est ouverte, les foyers de ses patients sont inscrits sur la liste d’attente."
                        : "Départ enregistré.");
        return "redirect:/departs/" + rpps.strip();
    }

    @GetMapping("/departs/{rpps}")
    String departure(@PathVariable String rpps, Model model) {
        Departures.Departure d =
                departures.of(rpps).orElseThrow(() -> new NotFoundException("Aucun départ connu pour ce médecin."));
        model.addAttribute("departure", d);
        model.addAttribute("impact", departures.impact(d).orElse(null));
        model.addAttribute("handovers", handovers.of(rpps));
        return "continuity/departure";
    }

    @PostMapping("/departs/{rpps}/annuler")
    String cancel(@PathVariable String rpps, RedirectAttributes redirect) {
        departures.cancel(rpps);
        redirect.addFlashAttribute("message", "Déclaration de départ retirée.");
        return "redirect:/departs";
    }

    @GetMapping("/departs/import")
    String importPage() {
        return "continuity/import";
    }

    @PostMapping("/departs/import")
    String upload(
            @RequestParam(name = "fichier", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        return fr.traitant.app.platform.CsvUpload.page(
                file,
                departures::importFile,
                n -> n + " départ(s) importé(s).",
                "/departs",
                "continuity/import",
                model,
                response,
                redirect);
    }

    @GetMapping(value = "/api/v1/departures", produces = "application/json")
    @ResponseBody
    List<Departures.Departure> api(@RequestParam(name = "certitude", required = false) @Nullable Certainty certainty) {
        return departures.all().stream()
                .filter(d -> certainty == null || d.certainty() == certainty)
                .toList();
    }

    @GetMapping("/espace-medecin/depart")
    String mine(Model model) {
        String rpps = doctorRpps();
        model.addAttribute(
                "declared",
                departures
                        .of(rpps)
                        .filter(d -> d.certainty() == Certainty.DECLARED)
                        .orElse(null));
        model.addAttribute("reasons", DepartureReason.values());
        return "continuity/doctor-departure";
    }

    @PostMapping("/espace-medecin/depart")
    String declareMine(
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "RETIREMENT") DepartureReason motif,
            @RequestParam(defaultValue = "") String successeur,
            @RequestParam(name = "nouvelle_commune", defaultValue = "") String nouvelleCommune,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String rpps = doctorRpps();
        LocalDate on = parse(date);
        List<String> problems = departures.check(rpps, on, successeur.strip(), motif, nouvelleCommune);
        if (!problems.isEmpty() || on == null) {
            response.setStatus(422);
            model.addAttribute("errors", problems);
            model.addAttribute("date", date);
            model.addAttribute("successeur", successeur);
            model.addAttribute("nouvelleCommune", nouvelleCommune);
            model.addAttribute("motif", motif.name());
            model.addAttribute("declared", null);
            model.addAttribute("reasons", DepartureReason.values());
            return "continuity/doctor-departure";
        }
        departures.declare(rpps, on, motif, successeur, nouvelleCommune, Departures.Source.DOCTOR, "");
        handovers.openDue();
        redirect.addFlashAttribute(
                "message",
                "Merci : votre fin d’activité est enregistrée. Vos patients se verront proposer un nouveau médecin avant cette date.");
        return "redirect:/espace-medecin/depart";
    }

    private String doctorRpps() {
        return currentDoctor
                .rpps()
                .orElseThrow(() -> new NotFoundException("Aucun médecin n’est rattaché à ce compte."));
    }

    private static @Nullable LocalDate parse(String date) {
        try {
            return date.isBlank() ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
