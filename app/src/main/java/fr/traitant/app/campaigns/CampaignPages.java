package fr.traitant.app.campaigns;

import fr.traitant.app.network.Charter;
import fr.traitant.app.platform.CsvExport;
import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.TraitantProperties;
import fr.traitant.app.territory.Territory;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The network manager's campaign pages (access: NETWORK_MANAGER): where the network falls short (map, tables, CSV)
 * and whom to write to in a département (the optimiser's selection beside the naive one).
 */
@Controller
class CampaignPages {

    static final Map<String, Comparator<NetworkGaps.CommuneGap>> COMMUNE_ORDER = Map.of(
            "nonCouvert", Comparator.comparingDouble(NetworkGaps.CommuneGap::uncovered),
            "demande", Comparator.comparingInt(NetworkGaps.CommuneGap::demand),
            "commune", Comparator.comparing(NetworkGaps.CommuneGap::name));

    private final NetworkGaps gaps;
    private final CampaignTargeting targeting;
    private final Charter charter;
    private final Territory territory;
    private final TraitantProperties properties;
    private final Campaigns campaigns;
    private final java.time.Clock clock;

    CampaignPages(
            java.time.Clock clock,
            Campaigns campaigns,
            NetworkGaps gaps,
            CampaignTargeting targeting,
            Charter charter,
            Territory territory,
            TraitantProperties properties) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.gaps = gaps;
        this.targeting = targeting;
        this.charter = charter;
        this.territory = territory;
        this.properties = properties;
    }

    @GetMapping("/reseau/campagnes")
    String page(ListRequest list, Model model) {
        NetworkGaps.Gaps today = gaps.compute();
        model.addAttribute("gaps", today);
        model.addAttribute("total", today.total());
        model.addAttribute(
                "departements",
                today.departements().stream()
                        .filter(d -> d.demand() > 0 || d.members() > 0)
                        .sorted(Comparator.comparingDouble(NetworkGaps.DepartementGap::uncovered)
                                .reversed()
                                .thenComparing(NetworkGaps.DepartementGap::code))
                        .toList());
        model.addAttribute("communes", communePage(today.communes(), list));
        if (!model.containsAttribute("form")) model.addAttribute("form", new TargetingForm(null, 100));
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("synthetic", charter.anySynthetic());
        model.addAttribute("tileUrl", properties.map().tileUrl());
        model.addAttribute("tileAttribution", properties.map().tileAttribution());
        return "campaigns/gaps";
    }

    static ListPage<NetworkGaps.CommuneGap> communePage(List<NetworkGaps.CommuneGap> all, ListRequest list) {
        String key = list.sortKey(List.copyOf(COMMUNE_ORDER.keySet()), "nonCouvert");
        boolean descending = list.sort().isEmpty() || list.descending();
        Comparator<NetworkGaps.CommuneGap> order = java.util.Objects.requireNonNull(COMMUNE_ORDER.get(key));
        if (descending) order = order.reversed();
        List<NetworkGaps.CommuneGap> sorted = all.stream()
                .sorted(order.thenComparing(NetworkGaps.CommuneGap::code))
                .toList();
        return list.slice(sorted);
    }

    @GetMapping(value = "/reseau/campagnes/manques.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(defaultValue = "commune") String niveau) {
        NetworkGaps.Gaps today = gaps.compute();
        if (niveau.equals("departement")) {
            return CsvExport.of(
                    "reseau-manques-par-departement.csv",
                    List.of(
                            "departement",
                            "nom",
                            "liste_attente",
                            "mutations_a_venir",
                            "ald_sans_medecin_traitant",
                            "demande",
                            "signataires",
                            "places_par_an",
                            "couvert_par_le_reseau",
                            "non_couvert"),
                    today.departements().stream()
                            .map(d -> List.of(
                                    d.code(),
                                    d.name(),
                                    Integer.toString(d.waiting()),
                                    Integer.toString(d.transfers()),
                                    Integer.toString(d.longTermCondition()),
                                    Integer.toString(d.demand()),
                                    Integer.toString(d.members()),
                                    Long.toString(d.memberPlaces()),
                                    decimal(d.covered()),
                                    decimal(d.uncovered())))
                            .toList());
        }
        if (!niveau.equals("commune")) throw new IllegalArgumentException("Niveau inconnu : commune ou departement.");
        List<List<String>> rows = today.communes().stream()
                .map(c -> List.of(
                        c.code(),
                        c.name(),
                        c.departement(),
                        Integer.toString(c.waiting()),
                        Integer.toString(c.transfers()),
                        Integer.toString(c.longTermCondition()),
                        Integer.toString(c.demand()),
                        decimal(c.covered()),
                        decimal(c.uncovered())))
                .toList();
        return CsvExport.of(
                "reseau-manques-par-commune.csv",
                List.of(
                        "code_commune",
                        "commune",
                        "departement",
                        "liste_attente",
                        "mutations_a_venir",
                        "ald_sans_medecin_traitant",
                        "demande",
                        "couvert_par_le_reseau",
                        "non_couvert"),
                rows);
    }

    @GetMapping("/reseau/campagnes/ciblage")
    String target(
            @Valid @ModelAttribute("form") TargetingForm form,
            BindingResult errors,
            ListRequest list,
            Model model,
            HttpServletResponse response) {
        String code =
                form.departement() == null ? "" : form.departement().strip().toUpperCase(Locale.ROOT);
        if (!errors.hasFieldErrors("departement")) {
            territory.departementError(code).ifPresent(e -> errors.rejectValue("departement", "departement", e));
        }
        if (errors.hasErrors()) {
            response.setStatus(422);
            return page(list, model);
        }
        CampaignTargeting.Targeting result = targeting.target(code, java.util.Objects.requireNonNull(form.budget()));
        model.addAttribute("targeting", result);
        model.addAttribute(
                "oddsRatios", SigningModel.oddsRatios(result.estimate()).orElse(List.of()));
        model.addAttribute("synthetic", charter.anySynthetic());
        model.addAttribute(
                "campaign",
                new CampaignForm(
                        "Campagne " + territory.departementLabel(code) + " — "
                                + fr.traitant.app.platform.FrenchDates.day(java.time.LocalDate.now(clock)),
                        "LETTER",
                        code,
                        form.budget(),
                        10,
                        4,
                        null));
        model.addAttribute("channels", CampaignForm.CHANNELS);
        return "campaigns/targeting";
    }

    private static String decimal(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
