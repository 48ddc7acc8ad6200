package fr.traitant.app.directory;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.platform.TraitantProperties;
import fr.traitant.engine.directory.MedicalSpecialty;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Public page "Trouver un médecin" and a doctor's public card (access: public). */
@Controller
class DoctorSearchPages {

    static final List<String[]> LANGUAGES = List.of(
            new String[] {"en", "anglais"},
            new String[] {"es", "espagnol"},
            new String[] {"de", "allemand"},
            new String[] {"it", "italien"},
            new String[] {"ar", "arabe"},
            new String[] {"pt", "portugais"});

    private final DoctorSearch search;
    private final Doctors doctors;
    private final TraitantProperties properties;

    DoctorSearchPages(DoctorSearch search, Doctors doctors, TraitantProperties properties) {
        this.search = search;
        this.doctors = doctors;
        this.properties = properties;
    }

    @GetMapping("/trouver-un-medecin")
    String page(
            @RequestParam(required = false) String place,
            @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Double lon,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "false") boolean accepting,
            @RequestParam(defaultValue = "false") boolean network,
            @RequestParam(defaultValue = "false") boolean sector1,
            @RequestParam(required = false) String specialty,
            @RequestParam(defaultValue = "false") boolean teleconsultation,
            @RequestParam(defaultValue = "false") boolean wheelchair,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) Double radiusKm,
            fr.traitant.app.platform.ListRequest list,
            HttpServletRequest http,
            Model model) {
        DoctorSearchRequest request = new DoctorSearchRequest(
                place,
                lat,
                lon,
                name,
                accepting,
                network,
                sector1,
                specialty,
                teleconsultation,
                wheelchair,
                language,
                radiusKm,
                null);
        model.addAttribute("q", request);
        model.addAttribute("specialties", MedicalSpecialty.ALL.values());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("radii", List.of(10, 30, 50, 100, 200));
        model.addAttribute("tileUrl", properties.map().tileUrl());
        model.addAttribute("tileAttribution", properties.map().tileAttribution());
        if (!request.isEmpty()) {
            try {
                DoctorSearchRequest.Resolved resolved = request.resolve(search);
                int size = resolved.criteria().limit();
                int offset = Math.min(list.offset(size), DoctorSearch.MAX_OFFSET);
                DoctorSearchResults results = search.search(resolved.criteria(), resolved.place(), offset);
                model.addAttribute("results", results);
                // the doctors shown, page by page, with how many match in all (no silent cut at the first page)
                model.addAttribute(
                        "doctorPage",
                        new fr.traitant.app.platform.ListRequest(
                                        offset / size + 1, "", false, list.path(), list.query())
                                .page(
                                        results.doctors(),
                                        Math.min(results.matching(), DoctorSearch.MAX_OFFSET + size),
                                        size));
                model.addAttribute(
                        "apiUrl",
                        "/api/v1/doctors/search?"
                                + (http.getQueryString() == null
                                        ? ""
                                        : http.getQueryString().replaceAll("(^|&)page=[^&]*", "")));
                model.addAttribute(
                        "widerUrl",
                        results.widerRadiusKm()
                                .map(km -> withParam(http, "radiusKm", String.valueOf(km.intValue())))
                                .orElse(null));
                model.addAttribute("teleUrl", withParam(http, "teleconsultation", "true"));
            } catch (IllegalArgumentException | NotFoundException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "directory/search";
    }

    @GetMapping("/medecins/{id}")
    String doctor(@PathVariable String id, Model model) {
        // a doctor's card by the directory's id, or by their RPPS number (what a doctor and the README give)
        DoctorProfile profile = id.matches("[0-9]{11}")
                ? doctors.findByRpps(id)
                        .orElseThrow(() -> new NotFoundException("Aucun médecin n'a le numéro RPPS " + id + "."))
                : doctors.getProfile(id);
        if (!profile.active()) {
            throw new NotFoundException("Ce médecin n'exerce plus.");
        }
        model.addAttribute("doctor", profile);
        return "directory/doctor";
    }

    private static String withParam(HttpServletRequest http, String name, String value) {
        StringBuilder b = new StringBuilder("/trouver-un-medecin?");
        http.getParameterMap().forEach((k, values) -> {
            if (!k.equals(name)) {
                for (String v : values) {
                    b.append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8))
                            .append('=')
                            .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))
                            .append('&');
                }
            }
        });
        return b.append(name).append('=').append(value).toString();
    }
}
