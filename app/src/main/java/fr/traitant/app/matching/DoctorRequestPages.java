package fr.traitant.app.matching;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The insured family asks for a specific doctor who is full (the doctor's own waiting list), and may withdraw. */
@Controller
class DoctorRequestPages {

    private final DoctorRequests requests;
    private final Doctors doctors;
    private final Households households;
    private final CurrentUser currentUser;

    DoctorRequestPages(DoctorRequests requests, Doctors doctors, Households households, CurrentUser currentUser) {
        this.requests = requests;
        this.doctors = doctors;
        this.households = households;
        this.currentUser = currentUser;
    }

    @GetMapping("/mon-medecin-traitant/demander/{rpps}")
    String ask(@PathVariable String rpps, Model model) {
        DoctorProfile doctor = doctor(rpps);
        model.addAttribute("doctor", doctor);
        model.addAttribute("waiting", requests.waitingFor(rpps));
        model.addAttribute("rpps", rpps);
        return "matching/doctor-request";
    }

    @PostMapping("/mon-medecin-traitant/demander/{rpps}")
    String request(@PathVariable String rpps, RedirectAttributes redirect) {
        DoctorProfile doctor = doctor(rpps);
        try {
            DoctorRequests.Request r = requests.request(household(), rpps);
            redirect.addFlashAttribute(
                    "message",
                    "Votre demande auprès du " + doctor.displayName() + " est enregistrée : votre foyer est n° "
                            + r.rank() + " sur sa liste d’attente. Dès qu’il aura de la place, il vous sera proposé"
                            + " avant les autres familles.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/mon-medecin-traitant";
    }

    @PostMapping("/mon-medecin-traitant/demandes/{id}/retrait")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        requests.cancel(household(), id);
        redirect.addFlashAttribute("message", "Votre demande auprès de ce médecin est retirée.");
        return "redirect:/mon-medecin-traitant";
    }

    private DoctorProfile doctor(String rpps) {
        return doctors.findByRpps(rpps)
                .filter(DoctorProfile::active)
                .orElseThrow(() -> new NotFoundException("Aucun médecin en exercice avec ce numéro RPPS."));
    }

    private long household() {
        List<Long> own = households.householdsOf(currentUser.get().accountId());
        if (own.isEmpty()) {
            throw new NotFoundException("Aucun foyer n'est rattaché à votre compte.");
        }
        return own.getFirst();
    }
}
