package fr.traitant.app.network;

import fr.traitant.app.platform.TraitantProperties;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The network manager's pages (access: NETWORK_MANAGER): counts per département, map, signatories, histories. */
@Controller
class NetworkPages {

    private final Charter charter;
    private final TraitantProperties properties;
    private final fr.traitant.app.territory.Territory territory;

    NetworkPages(Charter charter, TraitantProperties properties, fr.traitant.app.territory.Territory territory) {
        this.territory = territory;
        this.charter = charter;
        this.properties = properties;
    }

    @GetMapping("/reseau")
    String page(
            @RequestParam(required = false) String departement,
            fr.traitant.app.platform.ListRequest list,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        String code = departement == null ? "" : departement.strip().toUpperCase(java.util.Locale.ROOT);
        Optional<String> dep = Optional.of(code).filter(d -> !d.isEmpty());
        model.addAttribute("departementInput", departement == null ? "" : departement);
        Optional<String> error = territory.departementError(departement);
        if (error.isPresent()) {
            // an unknown département is a mistake to show next to the field, not an empty list
            response.setStatus(422);
            model.addAttribute("departementError", error.get());
            dep = Optional.empty();
        }
        model.addAttribute("count", charter.memberCount());
        model.addAttribute(
                "counts",
                charter.countsByDepartement().stream()
                        .filter(c -> c.members() > 0)
                        .toList());
        model.addAttribute("members", charter.members(dep, list, fr.traitant.app.platform.ListRequest.SIZE));
        model.addAttribute("departement", dep.orElse(""));
        model.addAttribute("events", charter.recentEvents(20));
        model.addAttribute("synthetic", charter.anySynthetic());
        model.addAttribute("charter", charter.currentVersion());
        model.addAttribute("tileUrl", properties.map().tileUrl());
        model.addAttribute("tileAttribution", properties.map().tileAttribution());
        return "network/manager";
    }

    @GetMapping(value = "/reseau/signataires.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<String> csv(@RequestParam(required = false) String departement) {
        String code = departement == null ? "" : departement.strip().toUpperCase(java.util.Locale.ROOT);
        if (!code.isEmpty() && !territory.isDepartement(code)) {
            throw new IllegalArgumentException("Département inconnu : " + departement);
        }
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (Membership m : charter.members(
                        Optional.of(code).filter(d -> !d.isEmpty()),
                        fr.traitant.app.platform.ListRequest.first("/reseau"),
                        1_000_000)
                .rows()) {
            rows.add(java.util.List.of(
                    m.doctorName(),
                    m.rpps(),
                    m.communeCode(),
                    territory.communeLabel(m.communeCode()),
                    java.time.LocalDate.ofInstant(m.signedAt(), fr.traitant.app.platform.FrenchDates.PARIS)
                            .toString(),
                    m.commitments().takesTransferredFamilies() ? "oui" : "non",
                    m.commitments().willingDeclaredDoctor() ? "oui" : "non",
                    Integer.toString(m.commitments().newPatientsPerYear()),
                    m.synthetic() ? "oui" : "non"));
        }
        return fr.traitant.app.platform.CsvExport.of(
                "signataires" + (code.isEmpty() ? "" : "-" + code) + ".csv",
                java.util.List.of(
                        "medecin",
                        "rpps",
                        "commune_insee",
                        "commune",
                        "signe_le",
                        "familles_mutees",
                        "medecin_traitant",
                        "patients_par_an",
                        "fictif"),
                rows);
    }

    @GetMapping("/reseau/medecins/{doctorId}")
    String history(@PathVariable String doctorId, Model model) {
        var history = charter.history(doctorId);
        if (history.isEmpty()) {
            throw new fr.traitant.app.platform.NotFoundException("Ce médecin n'a jamais signé la charte.");
        }
        model.addAttribute("doctorId", doctorId);
        model.addAttribute("history", history);
        return "network/history";
    }
}
