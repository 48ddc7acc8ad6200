package fr.traitant.app.programmes;

import fr.traitant.app.directory.CurrentDoctor;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.FrenchDates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The doctor's missions (DOCTOR, own data only: the RPPS comes from the signed-in account): the days they give a month,
 * their planned days to confirm or refuse, and their declaration as a substitute (remplaçant).
 */
@Controller
class MissionDoctorPages {

    private final CurrentDoctor currentDoctor;
    private final MissionVolunteers volunteers;
    private final MissionPlans plans;
    private final MissionSites sites;
    private final Clock clock;

    MissionDoctorPages(
            CurrentDoctor currentDoctor,
            MissionVolunteers volunteers,
            MissionPlans plans,
            MissionSites sites,
            Clock clock) {
        this.currentDoctor = currentDoctor;
        this.volunteers = volunteers;
        this.plans = plans;
        this.sites = sites;
        this.clock = clock;
    }

    private String rpps() {
        return currentDoctor
                .rpps()
                .orElseThrow(() ->
                        new fr.traitant.app.platform.NotFoundException("Aucun médecin n’est rattaché à ce compte."));
    }

    private YearMonth month(@Nullable String text) {
        YearMonth next = YearMonth.now(clock.withZone(FrenchDates.PARIS)).plusMonths(1);
        if (text == null || text.isBlank()) return next;
        try {
            YearMonth m = YearMonth.parse(text);
            return m.isBefore(next.minusMonths(1)) || m.isAfter(next.plusMonths(2)) ? next : m;
        } catch (DateTimeParseException e) {
            return next;
        }
    }

    @GetMapping("/espace-medecin/missions")
    String page(@RequestParam(name = "mois", required = false) @Nullable String mois, Model model) {
        fill(model, rpps(), month(mois));
        return "programmes/doctor-missions";
    }

    private void fill(Model model, String rpps, YearMonth month) {
        YearMonth current = YearMonth.now(clock.withZone(FrenchDates.PARIS));
        model.addAttribute("month", month);
        model.addAttribute("monthName", MissionPlans.monthName(month));
        model.addAttribute(
                "months", List.of(current, current.plusMonths(1), current.plusMonths(2), current.plusMonths(3)));
        model.addAttribute("monthDays", MissionPages.monthDays(month));
        var pledge = volunteers.find(rpps, month);
        if (!model.containsAttribute("days"))
            model.addAttribute(
                    "days", pledge.map(MissionVolunteers.Volunteer::days).orElse(0));
        if (!model.containsAttribute("available")) {
            model.addAttribute(
                    "available",
                    pledge.map(v -> (List<LocalDate>) new ArrayList<>(v.available()))
                            .orElse(List.of()));
        }
        if (!model.containsAttribute("maxMinutes"))
            model.addAttribute(
                    "maxMinutes",
                    pledge.map(MissionVolunteers.Volunteer::maxMinutes).orElse(60));
        if (!model.containsAttribute("preferred"))
            model.addAttribute(
                    "preferred",
                    pledge.map(MissionVolunteers.Volunteer::preferredSites).orElse(List.of()));
        if (!model.containsAttribute("replacement"))
            model.addAttribute(
                    "replacement",
                    pledge.map(MissionVolunteers.Volunteer::needsReplacement).orElse(false));
        model.addAttribute("pledged", pledge.isPresent());
        var open = sites.openings(month);
        model.addAttribute(
                "places",
                sites.all().stream().filter(p -> open.containsKey(p.id())).toList());
        model.addAttribute("planned", plans.daysOf(rpps));
        model.addAttribute("substitute", volunteers.substitute(rpps).orElse(null));
    }

    @PostMapping("/espace-medecin/missions")
    String pledge(
            @RequestParam(name = "mois") String mois,
            @RequestParam(defaultValue = "0") int jours,
            @RequestParam(name = "dates", required = false) @Nullable List<String> dates,
            @RequestParam(name = "minutes", defaultValue = "60") int minutes,
            @RequestParam(name = "lieux", required = false) @Nullable List<Long> lieux,
            @RequestParam(defaultValue = "false") boolean remplacement,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        String rpps = rpps();
        YearMonth month = month(mois);
        Set<LocalDate> available = new TreeSet<>();
        if (dates != null) for (String d : dates) available.add(LocalDate.parse(d));
        MissionVolunteers.Pledge pledge = new MissionVolunteers.Pledge(
                month, jours, available, minutes, lieux == null ? Set.of() : Set.copyOf(lieux), remplacement);
        List<String> problems = volunteers.check(rpps, pledge);
        if (!problems.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("pledgeErrors", problems);
            model.addAttribute("days", jours);
            model.addAttribute("available", new ArrayList<>(available));
            model.addAttribute("maxMinutes", minutes);
            model.addAttribute("preferred", lieux == null ? List.of() : lieux);
            model.addAttribute("replacement", remplacement);
            fill(model, rpps, month);
            return "programmes/doctor-missions";
        }
        volunteers.pledge(rpps, pledge, false);
        redirect.addFlashAttribute(
                "message",
                "Merci : " + jours + " journée(s) en " + MissionPlans.monthName(month)
                        + " enregistrée(s). Le planning vous proposera des dates parmi celles que vous avez cochées.");
        return "redirect:/espace-medecin/missions?mois=" + month;
    }

    @PostMapping("/espace-medecin/missions/journees/{id}/confirmer")
    String confirm(@PathVariable long id, RedirectAttributes redirect) {
        plans.confirm(id, rpps());
        redirect.addFlashAttribute(
                "message", "Journée confirmée : les créneaux de consultation sont ouverts aux patients.");
        return "redirect:/espace-medecin/missions";
    }

    @PostMapping("/espace-medecin/missions/journees/{id}/refuser")
    String refuse(@PathVariable long id, RedirectAttributes redirect) {
        int added = plans.refuse(id, rpps());
        redirect.addFlashAttribute(
                "message",
                "Journée refusée. Le planning a été recalculé autour des autres journées : " + added
                        + " nouvelle(s) journée(s) proposée(s) aux volontaires encore disponibles.");
        return "redirect:/espace-medecin/missions";
    }

    @PostMapping("/espace-medecin/missions/remplacant")
    String substitute(
            @RequestParam(name = "minutes", defaultValue = "30") int minutes,
            @RequestParam(name = "dates", required = false) @Nullable List<String> dates,
            RedirectAttributes redirect) {
        Set<LocalDate> available = new TreeSet<>();
        if (dates != null) for (String d : dates) available.add(LocalDate.parse(d));
        try {
            volunteers.declareSubstitute(rpps(), minutes, available);
            redirect.addFlashAttribute("message", "Vos disponibilités de remplaçant sont enregistrées.");
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/espace-medecin/missions";
    }
}
