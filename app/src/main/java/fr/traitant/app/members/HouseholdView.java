package fr.traitant.app.members;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A household as shown to someone allowed to see it. */
public record HouseholdView(long id, String label, @Nullable String communeCode, List<MemberView> members) {
    public HouseholdView {
        members = List.copyOf(members);
    }
}
