package fr.traitant.app.matching;

import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Proposal API and the doctor's page, with their access rules (ownership checked by {@link Proposals}). */
@Configuration(proxyBeanMethods = false)
class MatchingWeb {

    @Bean
    AccessRules matchingAccessRules() {
        return () -> List.of(
                roles(HttpMethod.GET, "/api/v1/proposals", Role.DOCTOR),
                roles(HttpMethod.GET, "/api/v1/proposals/{id}", Role.DOCTOR, Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/propositions", Role.DOCTOR));
    }

    @RestController
    @RequestMapping("/api/v1/proposals")
    static class ProposalsApi {
        private final Proposals proposals;

        ProposalsApi(Proposals proposals) {
            this.proposals = proposals;
        }

        /** The proposals addressed to the signed-in doctor. */
        @GetMapping
        List<ProposalView> mine() {
            return proposals.mine();
        }

        /** One proposal; 404 for a doctor it is not addressed to. */
        @GetMapping("/{id}")
        ProposalView proposal(@PathVariable long id) {
            return proposals.read(id);
        }
    }

    @Controller
    static class ProposalPages {
        private final Proposals proposals;

        ProposalPages(Proposals proposals) {
            this.proposals = proposals;
        }

        @GetMapping("/propositions")
        String mine(Model model) {
            model.addAttribute("proposals", proposals.mine());
            return "matching/proposals";
        }
    }
}
