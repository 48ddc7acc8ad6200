package fr.traitant.app.programmes;

import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.CsvExport;
import fr.traitant.app.territory.Territory;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * "Un médecin près de chez vous" for the programme manager: the month's volunteers and places, the plan (planned by
 * the engine beside the greedy, edited, published), the days held, the replacements, the indemnities and the figures.
 */
@Controller
class MissionPages {

    private final MissionVolunteers volunteers;
    private final MissionSites sites;
    private final MissionPlans plans;
    private final MissionReplacements replacements;
    private final MissionIndemnities indemnities;
    private final MissionFigures figures;
    private final CareSites careSites;
    private final Territory territory;
    private final Clock clock;

    MissionPages(
            MissionVolunteers volunteers,
            MissionSites sites,
            MissionPlans plans,
            MissionReplacements replacements,
            MissionIndemnities indemnities,
            MissionFigures figures,
            CareSites careSites,
            Territory territory,
            Clock clock) {
        this.volunteers = volunteers;
        this.sites = sites;
        this.plans = plans;
        this.replacements = replacements;
        this.indemnities = indemnities;
        this.figures = figures;
        this.careSites = careSites;
        this.territory = territory;
        this.clock = clock;
    }

    YearMonth month(@Nullable String text) {
        if (text != null && !text.isBlank()) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                // an unreadable month shows the default one
            }
        }
        return YearMonth.now(clock.withZone(fr.traitant.app.platform.FrenchDates.PARIS))
                .plusMonths(1);
    }

    @GetMapping("/programmes/missions")
    String page(@RequestParam(name = "mois", required = false) @Nullable String mois, Model model) {
        YearMonth month = month(mois);
        fill(model, month);
        return "programmes/missions";
    }

    void fill(Model model, YearMonth month) {
        model.addAttribute("month", month);
        model.addAttribute("monthName", MissionPlans.monthName(month));
        model.addAttribute("previous", month.minusMonths(1));
        model.addAttribute("next", month.plusMonths(1));
        List<MissionVolunteers.Volunteer> pledges = volunteers.of(month);
        model.addAttribute("volunteers", pledges);
        List<MissionSites.Place> places = sites.all();
        model.addAttribute("places", places);
        model.addAttribute("openings", sites.openings(month));
        model.addAttribute("needs", sites.needs(places));
        model.addAttribute("summary", plans.summary(month).orElse(null));
        List<MissionPlans.PlannedDay> days = plans.days(month);
        model.addAttribute("days", days);
        Map<Long, List<MissionReplacements.Candidate>> candidates = new HashMap<>();
        Map<Long, String> arranged = new HashMap<>();
        Set<Long> needing = new java.util.HashSet<>();
        pledges.stream().filter(MissionVolunteers.Volunteer::needsReplacement).forEach(v -> needing.add(v.id()));
        for (MissionPlans.PlannedDay d : days) {
            if (!needing.contains(d.volunteerId()) || d.status() == MissionDayStatus.REFUSED) continue;
            replacements
                    .arranged(d.id())
                    .ifPresentOrElse(
                            r -> arranged.put(d.id(), volunteers.name(r)),
                            () -> candidates.put(d.id(), replacements.candidates(d.id())));
        }
        model.addAttribute("needing", needing);
        model.addAttribute("candidates", candidates);
        model.addAttribute("arranged", arranged);
        model.addAttribute("today", LocalDate.now(clock.withZone(fr.traitant.app.platform.FrenchDates.PARIS)));
        model.addAttribute("figures", figures.of(month));
        model.addAttribute("careSites", careSites.labelled());
        model.addAttribute("monthDays", monthDays(month));
        model.addAttribute("rates", indemnities.rates());
        model.addAttribute("statements", indemnities.statements(month));
    }

    @GetMapping("/programmes/missions/journees/{id}")
    String day(@PathVariable long id, Model model) {
        MissionPlans.PlannedDay day = plans.day(id);
        YearMonth month = YearMonth.from(day.day());
        model.addAttribute("day", day);
        model.addAttribute("month", month);
        Map<Long, List<LocalDate>> open = sites.openings(month);
        model.addAttribute(
                "places",
                sites.all().stream().filter(p -> open.containsKey(p.id())).toList());
        boolean needs = volunteers.get(day.volunteerId()).needsReplacement();
        model.addAttribute("needsReplacement", needs && day.status() != MissionDayStatus.REFUSED);
        String arranged = replacements.arranged(id).map(volunteers::name).orElse(null);
        model.addAttribute("arranged", arranged);
        model.addAttribute("candidates", needs && arranged == null ? replacements.candidates(id) : List.of());
        return "programmes/mission-day";
    }

    @GetMapping("/programmes/missions/lieux/{id}")
    String place(
            @PathVariable long id, @RequestParam(name = "mois", required = false) @Nullable String mois, Model model) {
        YearMonth month = month(mois);
        model.addAttribute("place", sites.get(id));
        model.addAttribute("month", month);
        model.addAttribute("monthName", MissionPlans.monthName(month));
        model.addAttribute("monthDays", monthDays(month));
        model.addAttribute("open", sites.openings(month).getOrDefault(id, List.of()));
        return "programmes/mission-place";
    }

    static List<LocalDate> monthDays(YearMonth month) {
        return month.atDay(1).datesUntil(month.plusMonths(1).atDay(1)).toList();
    }

    @PostMapping("/programmes/missions/planifier")
    String plan(@RequestParam("mois") String mois, RedirectAttributes redirect) {
        YearMonth month = month(mois);
        MissionPlans.Summary s = plans.plan(month);
        redirect.addFlashAttribute(
                "message", "Planning calculé : " + s.exact().sitesWithDays() + " lieux avec au moins une journée.");
        return redirect(month);
    }

    @PostMapping("/programmes/missions/publier")
    String publish(@RequestParam("mois") String mois, RedirectAttributes redirect) {
        YearMonth month = month(mois);
        int n = plans.publish(month);
        redirect.addFlashAttribute("message", "Planning publié : " + n + " journées proposées aux médecins.");
        return redirect(month);
    }

    @PostMapping("/programmes/missions/journees/{id}/retirer")
    String remove(@PathVariable long id, RedirectAttributes redirect) {
        YearMonth month = YearMonth.from(plans.day(id).day());
        plans.remove(id);
        redirect.addFlashAttribute("message", "Journée retirée du brouillon.");
        return redirect(month);
    }

    @PostMapping("/programmes/missions/journees/{id}/deplacer")
    String move(
            @PathVariable long id, @RequestParam long lieu, @RequestParam String date, RedirectAttributes redirect) {
        YearMonth month = YearMonth.from(plans.day(id).day());
        try {
            plans.move(id, lieu, LocalDate.parse(date));
            redirect.addFlashAttribute("message", "Journée déplacée.");
        } catch (ConflictException | DateTimeParseException e) {
            redirect.addFlashAttribute(
                    "error", e instanceof DateTimeParseException ? "Date illisible." : e.getMessage());
            return "redirect:/programmes/missions/journees/" + id;
        }
        return redirect(month);
    }

    @PostMapping("/programmes/missions/journees")
    String add(
            @RequestParam("mois") String mois,
            @RequestParam long volontaire,
            @RequestParam long lieu,
            @RequestParam String date,
            RedirectAttributes redirect) {
        YearMonth month = month(mois);
        try {
            plans.add(month, volontaire, lieu, LocalDate.parse(date));
            redirect.addFlashAttribute("message", "Journée ajoutée au brouillon.");
        } catch (ConflictException | DateTimeParseException e) {
            redirect.addFlashAttribute(
                    "error", e instanceof DateTimeParseException ? "Date illisible." : e.getMessage());
        }
        return redirect(month);
    }

    @PostMapping("/programmes/missions/journees/{id}/bilan")
    String held(@PathVariable long id, @RequestParam boolean tenue, RedirectAttributes redirect) {
        YearMonth month = YearMonth.from(plans.day(id).day());
        plans.record(id, tenue);
        redirect.addFlashAttribute(
                "message",
                tenue ? "Journée tenue : elle sera indemnisée." : "Journée non tenue : elle ne sera pas indemnisée.");
        return redirect(month);
    }

    @PostMapping("/programmes/missions/journees/{id}/remplacement")
    String replace(@PathVariable long id, @RequestParam String remplacant, RedirectAttributes redirect) {
        YearMonth month = YearMonth.from(plans.day(id).day());
        replacements.arrange(id, remplacant);
        redirect.addFlashAttribute("message", "Remplacement enregistré.");
        return redirect(month);
    }

    @PostMapping("/programmes/missions/lieux")
    String addPlace(
            @RequestParam("mois") String mois,
            @RequestParam(defaultValue = "") String nom,
            @RequestParam(defaultValue = "") String commune,
            @RequestParam(defaultValue = "1") int cabinets,
            @RequestParam(defaultValue = "false") boolean assistants,
            @RequestParam(defaultValue = "") String equipement,
            @RequestParam(name = "site", required = false) @Nullable Long careSite,
            RedirectAttributes redirect) {
        YearMonth month = month(mois);
        try {
            String code = careSite != null
                    ? careSites.get(careSite).communeCode()
                    : territory
                            .resolveCommune(commune)
                            .map(fr.traitant.app.territory.CommuneSummary::code)
                            .orElseThrow(() -> new IllegalArgumentException("Commune inconnue : « " + commune + " »."));
            String name =
                    careSite != null && nom.isBlank() ? careSites.get(careSite).name() : nom;
            sites.add(new MissionSites.NewPlace(name, code, careSite, cabinets, assistants, equipement));
            redirect.addFlashAttribute("message", "Lieu de consultation ajouté : indiquez ses dates d’ouverture.");
        } catch (IllegalArgumentException | ConflictException e) {
            redirect.addFlashAttribute("placeError", e.getMessage());
            redirect.addFlashAttribute("placeForm", Map.of("nom", nom, "commune", commune, "equipement", equipement));
        }
        return redirect(month);
    }

    @PostMapping("/programmes/missions/lieux/{id}/ouverture")
    String open(
            @PathVariable long id,
            @RequestParam("mois") String mois,
            @RequestParam(name = "dates", required = false) @Nullable List<String> dates,
            RedirectAttributes redirect) {
        YearMonth month = month(mois);
        Set<LocalDate> days = new TreeSet<>();
        if (dates != null) for (String d : dates) days.add(LocalDate.parse(d));
        sites.open(id, month, days);
        redirect.addFlashAttribute("message", "Dates d’ouverture enregistrées (" + days.size() + ").");
        return redirect(month);
    }

    @GetMapping("/programmes/missions/volontaires/import")
    String importPage(Model model) {
        return "programmes/missions-import";
    }

    @PostMapping("/programmes/missions/volontaires/import")
    String upload(
            @RequestParam(name = "fichier", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        return fr.traitant.app.platform.CsvUpload.page(
                file,
                volunteers::importFile,
                n -> n + " volontaire(s) importé(s).",
                "/programmes/missions",
                "programmes/missions-import",
                model,
                response,
                redirect);
    }

    @PostMapping("/programmes/missions/indemnite")
    String rate(
            @RequestParam("mois") String mois,
            @RequestParam(defaultValue = "") String depuis,
            @RequestParam(defaultValue = "") String montant,
            RedirectAttributes redirect) {
        YearMonth month = month(mois);
        try {
            indemnities.setRate(
                    LocalDate.parse(depuis),
                    new BigDecimal(montant.replace(',', '.').strip()));
            redirect.addFlashAttribute("message", "Barème enregistré.");
        } catch (DateTimeParseException | NumberFormatException e) {
            redirect.addFlashAttribute("error", "Indiquez une date et un montant (par exemple 200,00).");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return redirect(month);
    }

    @GetMapping("/programmes/missions/releves/{mois}/{rpps}.pdf")
    ResponseEntity<byte[]> statement(@PathVariable String mois, @PathVariable String rpps) {
        YearMonth month = month(mois);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"releve-missions-" + month + "-" + rpps + ".pdf\"")
                .body(indemnities.pdf(month, rpps));
    }

    @GetMapping("/programmes/missions/paiements-{mois}.csv")
    @ResponseBody
    ResponseEntity<String> payments(@PathVariable String mois) {
        YearMonth month = month(mois);
        return CsvExport.of(
                "paiements-missions-" + month + ".csv",
                List.of("rpps", "medecin", "mois", "journees_tenues", "montant_euros"),
                indemnities.paymentRows(month));
    }

    private static String redirect(YearMonth month) {
        return "redirect:/programmes/missions?mois=" + month;
    }
}
