package fr.traitant.app.network;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.engine.directory.NewPatients;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The doctor's own space (access: DOCTOR, own data only — the RPPS always comes from the signed-in account ({@link NetworkDoctors#currentDoctorRpps}), never
 * from the request): availability and capacity, the charter (sign, update, withdraw), their history.
 */
@Controller
class DoctorSpacePages {

    private final NetworkDoctors doctors;
    private final Charter charter;

    DoctorSpacePages(NetworkDoctors doctors, Charter charter) {
        this.doctors = doctors;
        this.charter = charter;
    }

    @GetMapping("/espace-medecin")
    String page(Model model) {
        Optional<String> rpps = doctors.currentDoctorRpps();
        if (rpps.isEmpty()) {
            return "network/not-logged-in";
        }
        fill(model, rpps.get());
        return "network/doctor-space";
    }

    @PostMapping("/espace-medecin/disponibilite")
    String availability(
            @RequestParam(required = false) NewPatients status,
            @RequestParam(defaultValue = "0") int capacity,
            @RequestParam(defaultValue = "1") int maxComplexity,
            Model model,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        String rpps = requireDoctor();
        try {
            doctors.updateAvailability(rpps, status, status == NewPatients.ACCEPTING ? capacity : 0, maxComplexity);
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            fill(model, rpps);
            model.addAttribute("availabilityError", e.getMessage());
            return "network/doctor-space";
        }
        redirect.addFlashAttribute("success", "Vos disponibilités sont enregistrées.");
        return "redirect:/espace-medecin";
    }

    @PostMapping("/espace-medecin/charte")
    String sign(
            @RequestParam(defaultValue = "false") boolean takesTransferredFamilies,
            @RequestParam(defaultValue = "false") boolean willingDeclaredDoctor,
            @RequestParam(defaultValue = "0") int newPatientsPerYear,
            @RequestParam(defaultValue = "false") boolean accept,
            Model model,
            RedirectAttributes redirect) {
        String rpps = requireDoctor();
        boolean member = charter.membership(rpps).isPresent();
        try {
            if (!accept) {
                throw new IllegalArgumentException("Cochez « J'ai lu la charte et je l'accepte » pour signer.");
            }
            CharterCommitments commitments =
                    new CharterCommitments(takesTransferredFamilies, willingDeclaredDoctor, newPatientsPerYear);
            if (member) {
                charter.update(rpps, commitments);
            } else {
                charter.sign(rpps, commitments);
            }
        } catch (IllegalArgumentException e) {
            fill(model, rpps);
            model.addAttribute("charterError", e.getMessage());
            return "network/doctor-space";
        }
        redirect.addFlashAttribute(
                "success", member ? "Vos engagements sont mis à jour." : "Merci : vous avez signé la charte.");
        return "redirect:/espace-medecin";
    }

    @PostMapping("/espace-medecin/charte/retrait")
    String withdraw(@RequestParam(required = false) String reason, RedirectAttributes redirect) {
        String rpps = requireDoctor();
        charter.withdraw(rpps, reason);
        redirect.addFlashAttribute(
                "success", "Votre signature est retirée. Vous pouvez signer de nouveau à tout moment.");
        return "redirect:/espace-medecin";
    }

    private String requireDoctor() {
        return doctors.currentDoctorRpps()
                .orElseThrow(() -> new NotFoundException("Votre compte n'est relié à aucun numéro RPPS."));
    }

    private void fill(Model model, String rpps) {
        NetworkDoctors.Doctor doctor = doctors.findByRpps(rpps)
                .orElseThrow(() -> new NotFoundException("Votre numéro RPPS " + rpps
                        + " n'est pas (ou plus) dans l'annuaire : importez-le ou contactez le réseau."));
        model.addAttribute("doctor", doctor);
        model.addAttribute("statuses", NewPatients.values());
        model.addAttribute("charter", charter.currentVersion());
        Optional<Membership> membership = charter.membership(rpps);
        model.addAttribute("membership", membership.orElse(null));
        model.addAttribute("history", charter.history(doctor.id()));
    }
}
