package fr.traitant.app.network;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The charter as the network manager keeps it (NETWORK_MANAGER): the version in force and how many signatories signed
 * it, a new version published, a signature on paper recorded, a list of existing signatories imported (whole file or
 * nothing).
 */
@Controller
class CharterManagementPages {

    private final Charter charter;
    private final RecordedSignatures recorded;
    private final CharterVersions versions;

    CharterManagementPages(Charter charter, RecordedSignatures recorded, CharterVersions versions) {
        this.charter = charter;
        this.recorded = recorded;
        this.versions = versions;
    }

    @GetMapping("/reseau/charte")
    String page(Model model) {
        fill(model);
        return "network/charter";
    }

    private void fill(Model model) {
        model.addAttribute("charter", charter.currentVersion());
        model.addAttribute("byVersion", versions.signatoriesByVersion());
        model.addAttribute("count", charter.memberCount());
        model.addAttribute("columns", String.join(";", RecordedSignatures.IMPORT_COLUMNS));
        if (!model.containsAttribute("paper")) {
            model.addAttribute("paper", PaperSignatureForm.empty());
        }
        if (!model.containsAttribute("version")) {
            model.addAttribute(
                    "version",
                    new CharterVersionForm("", charter.currentVersion().body()));
        }
    }

    @PostMapping("/reseau/charte/papier")
    String paper(
            @Valid @ModelAttribute("paper") PaperSignatureForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        LocalDate signedOn = form.signedOn();
        if (signedOn == null && !errors.hasFieldErrors("date")) {
            errors.rejectValue("date", "date", "Saisissez la date écrite sur la charte signée.");
        }
        if (!errors.hasErrors() && signedOn != null) {
            try {
                Membership m = recorded.recordPaper(form.rpps(), signedOn, form.reference(), form.commitments());
                redirect.addFlashAttribute(
                        "message", "Signature sur papier enregistrée : " + m.doctorName() + " est signataire.");
                return "redirect:/reseau/charte";
            } catch (IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                String field = m.contains("référence")
                        ? "reference"
                        : m.contains("date")
                                ? "date"
                                : m.contains("engagement") || m.contains("patients") ? "newPatientsPerYear" : "rpps";
                errors.rejectValue(field, field, m);
            }
        }
        response.setStatus(422);
        fill(model);
        return "network/charter";
    }

    @PostMapping("/reseau/charte/import")
    String importSignatories(
            @RequestParam("fichier") MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        if (file.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("importErrors", List.of("Choisissez un fichier CSV."));
            fill(model);
            return "network/charter";
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            RecordedSignatures.SignatoryImport result = recorded.importSignatories(reader);
            redirect.addFlashAttribute(
                    "message",
                    result.lines() + " ligne(s) : " + result.recorded() + " signature(s) enregistrée(s), "
                            + result.alreadySignatories() + " médecin(s) déjà signataire(s) laissé(s) tels quels.");
            return "redirect:/reseau/charte";
        } catch (SignatoryImportRefused e) {
            response.setStatus(422);
            model.addAttribute("importErrors", e.errors());
            fill(model);
            return "network/charter";
        }
    }

    @PostMapping("/reseau/charte/version")
    String publish(
            @Valid @ModelAttribute("version") CharterVersionForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                CharterVersion v = versions.publish(form.title(), form.body());
                redirect.addFlashAttribute(
                        "message", "Version " + v.version() + " publiée : les signataires sont invités à la signer.");
                return "redirect:/reseau/charte";
            } catch (IllegalArgumentException e) {
                String m = String.valueOf(e.getMessage());
                String field = m.contains("titre") ? "title" : "body";
                errors.rejectValue(field, field, m);
            }
        }
        response.setStatus(422);
        fill(model);
        return "network/charter";
    }
}
