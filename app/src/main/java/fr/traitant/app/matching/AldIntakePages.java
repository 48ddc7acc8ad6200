package fr.traitant.app.matching;

import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import fr.traitant.app.platform.ListRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The advisor's ALD intake page (ADVISOR): write to the next members, print the letters, record objections, figures. */
@Controller
class AldIntakePages {

    private final AldIntake intake;

    AldIntakePages(AldIntake intake) {
        this.intake = intake;
    }

    @Component
    static class Rules implements AccessRules {
        @Override
        public List<AccessRule> rules() {
            return List.of(
                    roles(HttpMethod.GET, "/ald", Role.ADVISOR),
                    roles(HttpMethod.POST, "/ald/contacter", Role.ADVISOR),
                    roles(HttpMethod.POST, "/ald/inscrire", Role.ADVISOR),
                    roles(HttpMethod.POST, "/ald/opposition", Role.ADVISOR),
                    roles(HttpMethod.GET, "/ald/courriers/{day}", Role.ADVISOR));
        }
    }

    @GetMapping("/ald")
    String page(ListRequest list, Model model) {
        model.addAttribute("inExtract", intake.inExtract());
        model.addAttribute("contacted", intake.contacted());
        model.addAttribute("period", intake.objectionPeriod().getDays());
        model.addAttribute("figures", intake.figures());
        model.addAttribute("letterDays", intake.letterDays());
        model.addAttribute("outreaches", intake.page(list));
        model.addAttribute("channels", AldIntake.ObjectionChannel.values());
        return "matching/ald";
    }

    @PostMapping("/ald/contacter")
    String contact(@RequestParam(name = "nombre", defaultValue = "0") int count, RedirectAttributes redirect) {
        try {
            AldIntake.Contacted done = intake.contact(count);
            redirect.addFlashAttribute(
                    "message",
                    done.emails() + " courriel(s) envoyé(s) et " + done.letters()
                            + " courrier(s) à imprimer ; sans opposition, inscription sur la liste d'attente après le "
                            + fr.traitant.app.platform.FrenchDates.day(done.deadline()) + ".");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/ald";
    }

    @PostMapping("/ald/inscrire")
    String listDue(RedirectAttributes redirect) {
        int listed = intake.listDue();
        redirect.addFlashAttribute(
                "message",
                listed + " foyer(s) inscrit(s) sur la liste d'attente (délai d'opposition échu, sans opposition).");
        return "redirect:/ald";
    }

    @PostMapping("/ald/opposition")
    String objection(
            @RequestParam(name = "reference", defaultValue = "") String reference,
            @RequestParam(name = "canal", defaultValue = "PHONE") AldIntake.ObjectionChannel channel,
            RedirectAttributes redirect) {
        try {
            AldIntake.Outreach o = intake.recordObjection(reference, channel);
            redirect.addFlashAttribute(
                    "message",
                    "Opposition enregistrée pour la référence " + o.reference()
                            + (o.listedAt().isPresent()
                                    ? " : le foyer est retiré de la liste d'attente."
                                    : " : le foyer ne sera pas inscrit."));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("objectionError", e.getMessage());
            redirect.addFlashAttribute("objectionReference", reference);
        }
        return "redirect:/ald";
    }

    @GetMapping(value = "/ald/courriers/{day}", produces = "application/pdf")
    void letters(@PathVariable LocalDate day, HttpServletResponse response) throws IOException {
        byte[] pdf = intake.letters(day);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"courriers-ald-" + day + ".pdf\"");
        response.getOutputStream().write(pdf);
    }
}
