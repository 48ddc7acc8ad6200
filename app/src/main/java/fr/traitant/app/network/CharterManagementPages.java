package fr.traitant.app.network;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
            model.addAttribute("paper", Map.of());
        }
        if (!model.containsAttribute("paperErrors")) {
            model.addAttribute("paperErrors", Map.of());
        }
        if (!model.containsAttribute("versionValues")) {
            model.addAttribute(
                    "versionValues",
                    Map.of("titre", "", "texte", charter.currentVersion().body()));
        }
        if (!model.containsAttribute("versionErrors")) {
            model.addAttribute("versionErrors", Map.of());
        }
    }

    @PostMapping("/reseau/charte/papier")
    String paper(
            @RequestParam(defaultValue = "") String rpps,
            @RequestParam(name = "date", defaultValue = "") String date,
            @RequestParam(name = "reference", defaultValue = "") String reference,
            @RequestParam(name = "famillesMutees", defaultValue = "false") boolean families,
            @RequestParam(name = "medecinTraitant", defaultValue = "false") boolean declared,
            @RequestParam(name = "nouveauxPatients", defaultValue = "") String perYear,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate signedOn = null;
        try {
            signedOn = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            errors.put("date", "Saisissez la date écrite sur la charte signée.");
        }
        int patients = 0;
        try {
            patients = Integer.parseInt(perYear.strip());
        } catch (NumberFormatException e) {
            errors.put("nouveauxPatients", "Saisissez un nombre entre 0 et 2000.");
        }
        if (!rpps.strip().matches("[0-9]{11}")) {
            errors.put("rpps", "Le numéro RPPS compte 11 chiffres.");
        }
        if (errors.isEmpty()) {
            try {
                Membership m = recorded.recordPaper(
                        rpps.strip(), signedOn, reference, new CharterCommitments(families, declared, patients));
                redirect.addFlashAttribute(
                        "message", "Signature sur papier enregistrée : " + m.doctorName() + " est signataire.");
                return "redirect:/reseau/charte";
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                errors.put(
                        m.contains("référence")
                                ? "reference"
                                : m.contains("date")
                                        ? "date"
                                        : m.contains("engagement") || m.contains("patients")
                                                ? "nouveauxPatients"
                                                : "rpps",
                        m);
            }
        }
        response.setStatus(422);
        model.addAttribute(
                "paper",
                Map.of(
                        "rpps",
                        rpps,
                        "date",
                        date,
                        "reference",
                        reference,
                        "nouveauxPatients",
                        perYear,
                        "famillesMutees",
                        Boolean.toString(families),
                        "medecinTraitant",
                        Boolean.toString(declared)));
        model.addAttribute("paperErrors", errors);
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
            @RequestParam(name = "titre", defaultValue = "") String title,
            @RequestParam(name = "texte", defaultValue = "") String body,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            CharterVersion v = versions.publish(title, body);
            redirect.addFlashAttribute(
                    "message", "Version " + v.version() + " publiée : les signataires sont invités à la signer.");
            return "redirect:/reseau/charte";
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            model.addAttribute("versionValues", Map.of("titre", title, "texte", body));
            model.addAttribute(
                    "versionErrors", Map.of(e.getMessage().contains("titre") ? "titre" : "texte", e.getMessage()));
            fill(model);
            return "network/charter";
        }
    }
}
