package fr.traitant.app.programmes;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.members.HouseholdView;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.MemberView;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.territory.CommuneSummary;
import fr.traitant.app.territory.Territory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The insured person's mission consultations (INSURED, own household only): the free slots of the confirmed mission
 * days at the places of their intercommunalité or within 30 minutes of home, booked for a member of the household.
 */
@Controller
class MissionPatientPages {

    private final CurrentUser currentUser;
    private final Households households;
    private final Territory territory;
    private final MissionSites sites;
    private final MissionSlots slots;
    private final RoadEstimate road;

    MissionPatientPages(
            CurrentUser currentUser,
            Households households,
            Territory territory,
            MissionSites sites,
            MissionSlots slots,
            RoadEstimate road) {
        this.currentUser = currentUser;
        this.households = households;
        this.territory = territory;
        this.sites = sites;
        this.slots = slots;
        this.road = road;
    }

    private long household() {
        List<Long> own = households.householdsOf(currentUser.get().accountId());
        if (own.isEmpty()) throw new NotFoundException("Aucun foyer n’est rattaché à votre compte.");
        return own.getFirst();
    }

    /** The places near a commune: in its intercommunalité or within 30 minutes by road. */
    List<Long> placesNear(CommuneSummary home) {
        List<Long> result = new ArrayList<>();
        for (MissionSites.Place p : sites.all()) {
            boolean sameEpci = territory
                    .findCommune(p.communeCode())
                    .map(c -> !home.epci().isEmpty() && home.epci().equals(c.epci()))
                    .orElse(false);
            if (sameEpci || road.minutes(home.code(), p.communeCode()) <= SiteCoverage.MINUTES) result.add(p.id());
        }
        return result;
    }

    @GetMapping("/consultations-mission")
    String page(fr.traitant.app.platform.ListRequest request, Model model) {
        long householdId = household();
        HouseholdView household = households.read(householdId, Households.INSURED_PURPOSE);
        model.addAttribute("household", household);
        CommuneSummary home = household.communeCode() == null
                ? null
                : territory.findCommune(household.communeCode()).orElse(null);
        model.addAttribute("home", home);
        List<Long> near = home == null ? List.of() : placesNear(home);
        model.addAttribute("free", slots.free(near, request));
        model.addAttribute("bookings", slots.bookings(householdId));
        List<String[]> people = new ArrayList<>();
        for (MemberView m : household.members())
            people.add(new String[] {"member:" + m.id(), m.firstName() + " " + m.lastName()});
        model.addAttribute("people", people);
        return "programmes/patient-missions";
    }

    @PostMapping("/consultations-mission/creneaux/{id}")
    String book(@PathVariable long id, @RequestParam("personne") String person, RedirectAttributes redirect) {
        long householdId = household();
        HouseholdView household = households.read(householdId, Households.INSURED_PURPOSE);
        if (household.members().stream().noneMatch(m -> ("member:" + m.id()).equals(person))) {
            throw new NotFoundException("Cette personne n’est pas de votre foyer.");
        }
        CommuneSummary home = territory
                .findCommune(java.util.Objects.requireNonNull(household.communeCode()))
                .orElseThrow();
        MissionSlots.Slot slot = slots.slot(id);
        if (slots.free(placesNear(home), Integer.MAX_VALUE).stream().noneMatch(s -> s.id() == id)) {
            redirect.addFlashAttribute("error", "Ce créneau n’est plus libre : choisissez-en un autre.");
            return "redirect:/consultations-mission";
        }
        try {
            slots.book(id, householdId, person, home.epci());
            redirect.addFlashAttribute(
                    "message",
                    "Rendez-vous réservé le " + fr.traitant.app.platform.FrenchDates.dayAndTime(slot.startsAt()) + " : "
                            + slot.site() + " (" + slot.doctor() + ").");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/consultations-mission";
    }

    @PostMapping("/consultations-mission/sans-creneau")
    String unanswered(@RequestParam("personne") String person, RedirectAttributes redirect) {
        long householdId = household();
        HouseholdView household = households.read(householdId, Households.INSURED_PURPOSE);
        if (household.members().stream().noneMatch(m -> ("member:" + m.id()).equals(person))) {
            throw new NotFoundException("Cette personne n’est pas de votre foyer.");
        }
        String epci = household.communeCode() == null
                ? ""
                : territory
                        .findCommune(household.communeCode())
                        .map(CommuneSummary::epci)
                        .orElse("");
        slots.unanswered(householdId, person, epci);
        redirect.addFlashAttribute(
                "message", "Votre demande est enregistrée : elle compte dans le suivi du délai de 48 heures.");
        return "redirect:/consultations-mission";
    }
}
