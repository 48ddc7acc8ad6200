package fr.traitant.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** From a case, agents find doctors through the directory: network members first, then doctors taking new patients. */
@IntegrationTest
class DirectoryDoctorFinderTest {

    @Autowired
    DoctorFinder finder;

    @Test
    void near_toulon_network_members_come_first_and_refs_resolve() {
        assertThat(finder).isInstanceOf(DirectoryDoctorFinder.class);
        List<DoctorCandidate> found = finder.near("83137", "", 30);
        assertThat(found).hasSize(30);
        assertThat(found.getFirst().networkMember()).isTrue();
        int firstOther = 0;
        while (firstOther < found.size()
                && Boolean.TRUE.equals(found.get(firstOther).networkMember())) {
            firstOther++;
        }
        for (DoctorCandidate c : found.subList(firstOther, found.size())) {
            if (c.ref().startsWith("doctor:")) {
                assertThat(c.acceptingNewPatients()).isTrue();
            }
        }
        DoctorCandidate first = found.getFirst();
        assertThat(finder.find(first.ref())).hasValueSatisfying(c -> {
            assertThat(c.ref()).isEqualTo(first.ref());
            assertThat(c.name()).isEqualTo(first.name());
            assertThat(c.networkMember()).isTrue();
        });
    }
}
