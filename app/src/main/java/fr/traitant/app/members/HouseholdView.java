package fr.traitant.app.members;

import java.util.List;

/** A household as shown to someone allowed to see it. */
public record HouseholdView(long id, String label, String communeCode, List<MemberView> members) {
    public HouseholdView {
        members = List.copyOf(members);
    }
}
