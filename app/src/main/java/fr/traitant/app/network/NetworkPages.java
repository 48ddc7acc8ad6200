package fr.traitant.app.network;

import fr.traitant.app.platform.TraitantProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("search")
                    MemberSearch search,
            org.springframework.validation.BindingResult errors,
            fr.traitant.app.platform.ListRequest list,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        MemberSearch.Filter filter = filter(search, errors);
        if (errors.hasErrors()) {
            // a mistake is shown next to its field, not as an empty list
            response.setStatus(422);
            filter = new MemberSearch.Filter(null, null, null, null, false);
        }
        model.addAttribute("count", charter.memberCount());
        model.addAttribute(
                "counts",
                charter.countsByDepartement().stream()
                        .filter(c -> c.members() > 0)
                        .toList());
        model.addAttribute("members", charter.members(filter, list, fr.traitant.app.platform.ListRequest.SIZE));
        model.addAttribute("departement", filter.departement() == null ? "" : filter.departement());
        model.addAttribute("filtered", !errors.hasErrors() && !filter.equals(MemberSearch.Filter.NONE));
        model.addAttribute("events", charter.recentEvents(20));
        model.addAttribute("synthetic", charter.anySynthetic());
        model.addAttribute("charter", charter.currentVersion());
        model.addAttribute("tileUrl", properties.map().tileUrl());
        model.addAttribute("tileAttribution", properties.map().tileAttribution());
        return "network/manager";
    }

    /** The search as a filter, département and commune resolved; mistakes rejected next to their field. */
    private MemberSearch.Filter filter(MemberSearch search, org.springframework.validation.BindingResult errors) {
        String dep =
                search.departement() == null ? "" : search.departement().strip().toUpperCase(java.util.Locale.ROOT);
        if (!dep.isEmpty() && !errors.hasFieldErrors("departement")) {
            territory.departementError(dep).ifPresent(e -> errors.rejectValue("departement", "departement", e));
        }
        String typedCommune = search.commune() == null ? "" : search.commune().strip();
        String commune = null;
        if (!typedCommune.isEmpty()) {
            var found = territory.resolveCommune(typedCommune);
            if (found.isPresent()) {
                commune = found.get().code();
            } else {
                errors.rejectValue(
                        "commune",
                        "commune",
                        "Commune inconnue : saisissez son nom ou son code INSEE, par exemple Toulon ou 83137.");
            }
        }
        return new MemberSearch.Filter(
                dep.isEmpty() ? null : dep, commune, search.minPatients(), search.since(), search.onlyTransferred());
    }

    @GetMapping(value = "/reseau/signataires.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<String> csv(
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("search")
                    MemberSearch search,
            org.springframework.validation.BindingResult errors) {
        MemberSearch.Filter filter = filter(search, errors);
        if (errors.hasErrors()) {
            throw new IllegalArgumentException(errors.getFieldErrors().stream()
                    .map(org.springframework.context.support.DefaultMessageSourceResolvable::getDefaultMessage)
                    .filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining(" ")));
        }
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (Membership m : charter.members(filter, fr.traitant.app.platform.ListRequest.first("/reseau"), 1_000_000)
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
        String code = filter.departement() == null ? "" : filter.departement();
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
