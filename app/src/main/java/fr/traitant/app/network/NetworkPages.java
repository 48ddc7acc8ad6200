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

    NetworkPages(Charter charter, TraitantProperties properties) {
        this.charter = charter;
        this.properties = properties;
    }

    @GetMapping("/reseau")
    String page(@RequestParam(required = false) String departement, Model model) {
        Optional<String> dep = Optional.ofNullable(departement).filter(d -> !d.isBlank());
        model.addAttribute("count", charter.memberCount());
        model.addAttribute("counts", charter.countsByDepartement().stream().filter(c -> c.members() > 0).toList());
        model.addAttribute("members", charter.members(dep, 100, 0));
        model.addAttribute("departement", dep.orElse(""));
        model.addAttribute("events", charter.recentEvents(20));
        model.addAttribute("synthetic", charter.anySynthetic());
        model.addAttribute("charter", charter.currentVersion());
        model.addAttribute("tileUrl", properties.map().tileUrl());
        model.addAttribute("tileAttribution", properties.map().tileAttribution());
        return "network/manager";
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
