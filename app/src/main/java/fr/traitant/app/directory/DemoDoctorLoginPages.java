package fr.traitant.app.directory;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Demo "login" of a doctor by RPPS number (see {@link DemoDoctorSession}); 404 unless enabled. Goes away when the
 * identity module provides the real login.
 */
@Controller
class DemoDoctorLoginPages {

    private final DemoDoctorSession session;
    private final Doctors doctors;

    DemoDoctorLoginPages(DemoDoctorSession session, Doctors doctors) {
        this.session = session;
        this.doctors = doctors;
    }

    @GetMapping("/espace-medecin/connexion")
    String page(Model model) {
        requireEnabled();
        return "directory/demo-login";
    }

    @PostMapping("/espace-medecin/connexion")
    String login(@RequestParam String rpps, HttpServletRequest request, Model model) {
        requireEnabled();
        String number = rpps.strip();
        try {
            if (doctors.findByRpps(number).filter(DoctorProfile::active).isEmpty()) {
                model.addAttribute("error", "Aucun médecin actif de l'annuaire n'a le numéro RPPS " + number + ".");
                return "directory/demo-login";
            }
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return "directory/demo-login";
        }
        request.getSession(true);
        request.changeSessionId();
        session.login(request.getSession(), number);
        return "redirect:/espace-medecin";
    }

    @PostMapping("/espace-medecin/deconnexion")
    String logout(HttpServletRequest request) {
        requireEnabled();
        if (request.getSession(false) != null) {
            session.logout(request.getSession(false));
        }
        return "redirect:/";
    }

    private void requireEnabled() {
        if (!session.enabled()) {
            throw new fr.traitant.app.platform.NotFoundException("Page indisponible.");
        }
    }
}
