package fr.traitant.app.campaigns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Where the network falls short, as JSON for the map and for the fund's own tools (NETWORK_MANAGER). */
@RestController
@Tag(name = "Campagnes de recrutement")
class CampaignsApi {

    private final NetworkGaps gaps;

    CampaignsApi(NetworkGaps gaps) {
        this.gaps = gaps;
    }

    @Operation(
            summary = "Demande, couverture par le réseau et demande non couverte, par département et par commune",
            description = "Demande : liste d'attente, familles mutées arrivant dans les 6 mois, membres en ALD sans"
                    + " médecin traitant (chaque foyer une fois). Couverture : places des signataires à 30 minutes.")
    @GetMapping("/api/v1/campaigns/gaps")
    NetworkGaps.Gaps gaps() {
        return gaps.compute();
    }
}
