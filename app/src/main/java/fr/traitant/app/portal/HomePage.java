package fr.traitant.app.portal;

import fr.traitant.app.territory.RegionSummary;
import fr.traitant.app.territory.Territory;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page (national figures, the map of départements, the commune search) and the legal pages. */
@Controller
class HomePage {

    private final Territory territory;
    private final fr.traitant.app.platform.TraitantProperties settings;

    HomePage(Territory territory, fr.traitant.app.platform.TraitantProperties settings) {
        this.territory = territory;
        this.settings = settings;
    }

    @GetMapping("/")
    String home(Model model) {
        List<RegionSummary> regions = territory.regions();
        long population = regions.stream().mapToLong(RegionSummary::population).sum();
        long largest =
                regions.stream().mapToLong(RegionSummary::population).max().orElse(1);
        model.addAttribute("regions", regions);
        model.addAttribute("population", population);
        model.addAttribute("largestRegion", largest);
        model.addAttribute("communeCount", territory.communeCount());
        model.addAttribute("departementCount", territory.departements().size());
        return "portal/home";
    }

    @GetMapping("/sources")
    String sources() {
        return "portal/sources";
    }

    /** The accessibility statement the law requires (article 47 of law 2005-102; RGAA 4.1). */
    @GetMapping("/accessibilite")
    String accessibilityStatement(Model model) {
        model.addAttribute("fundName", settings.fundName());
        model.addAttribute("contact", settings.accessibilityContact());
        return "portal/accessibility-statement";
    }
}
