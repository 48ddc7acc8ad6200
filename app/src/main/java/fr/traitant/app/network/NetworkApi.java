package fr.traitant.app.network;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Network API. Access: charter text public; everything else NETWORK_MANAGER. */
@RestController
@RequestMapping("/api/v1/network")
class NetworkApi {

    private final Charter charter;

    NetworkApi(Charter charter) {
        this.charter = charter;
    }

    @Operation(summary = "Version en vigueur de la charte (publique)")
    @GetMapping("/charter")
    CharterVersion charter() {
        return charter.currentVersion();
    }

    @Operation(summary = "Signatories per département")
    @GetMapping("/departements")
    List<DepartementCount> departements() {
        return charter.countsByDepartement();
    }

    @Operation(summary = "Signataires actuels, les plus récents d'abord")
    @GetMapping("/members")
    List<Membership> members(
            @RequestParam(required = false) String departement,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        return charter.members(Optional.ofNullable(departement).filter(d -> !d.isBlank()), limit, offset);
    }

    @Operation(summary = "Position de chaque signataire, pour la carte")
    @GetMapping("/members/points")
    List<MemberPoint> points() {
        return charter.points();
    }

    @Operation(summary = "Historique de signature de la charte d'un médecin")
    @GetMapping("/members/{doctorId}/history")
    List<CharterEvent> history(@PathVariable String doctorId) {
        return charter.history(doctorId);
    }
}
