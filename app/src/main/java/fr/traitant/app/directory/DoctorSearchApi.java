package fr.traitant.app.directory;

import fr.traitant.engine.directory.MedicalSpecialty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public doctor search API (access: public — declare in the identity module's registry when it lands). */
@RestController
@RequestMapping("/api/v1/doctors")
class DoctorSearchApi {

    private final DoctorSearch search;
    private final Doctors doctors;

    private final fr.traitant.app.identity.CurrentUser currentUser;

    DoctorSearchApi(DoctorSearch search, Doctors doctors, fr.traitant.app.identity.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.search = search;
        this.doctors = doctors;
    }

    @Operation(
            summary =
                    "Médecins près d'un lieu ou par leur nom, les plus proches d'abord (temps de trajet routier estimé)")
    @GetMapping("/search")
    DoctorSearchResults search(
            @Parameter(description = "code INSEE, code postal ou nom de la commune") @RequestParam(required = false)
                    String place,
            @Parameter(description = "latitude de « près de moi », WGS84") @RequestParam(required = false) Double lat,
            @Parameter(description = "longitude de « près de moi », WGS84") @RequestParam(required = false) Double lon,
            @Parameter(description = "partie du nom du médecin") @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "false") boolean accepting,
            @RequestParam(defaultValue = "false") boolean network,
            @RequestParam(defaultValue = "false") boolean sector1,
            @Parameter(description = "code de la nomenclature, par exemple SM54 (médecine générale)")
                    @RequestParam(required = false)
                    String specialty,
            @RequestParam(defaultValue = "false") boolean teleconsultation,
            @RequestParam(defaultValue = "false") boolean wheelchair,
            @Parameter(description = "code de langue ISO 639-1, par exemple en") @RequestParam(required = false)
                    String language,
            @Parameter(description = "rayon en km, 30 par défaut, 200 au plus") @RequestParam(required = false)
                    Double radiusKm,
            @Parameter(description = "de 1 à 100, 20 par défaut") @RequestParam(required = false) Integer limit) {
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
                limit);
        DoctorSearchRequest.Resolved resolved = request.resolve(search);
        return search.search(resolved.criteria(), resolved.place());
    }

    @Operation(summary = "La fiche publique d'un médecin")
    @GetMapping("/{id}")
    DoctorProfile doctor(@PathVariable String id) {
        DoctorProfile p = doctors.getProfile(id);
        if (!p.active()) {
            throw new fr.traitant.app.platform.NotFoundException("Aucun médecin actif n'a l'identifiant " + id);
        }
        return currentUser.find().filter(u -> u.role().agent()).isPresent() ? p : p.withoutBirthYear();
    }

    @Operation(summary = "Spécialités que l'on peut chercher (codes de la nomenclature nationale)")
    @GetMapping("/specialties")
    List<MedicalSpecialty> specialties() {
        return List.copyOf(MedicalSpecialty.ALL.values());
    }
}
