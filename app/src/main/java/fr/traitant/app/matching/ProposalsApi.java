package fr.traitant.app.matching;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/proposals")
class ProposalsApi {
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
