package fr.traitant.app.members;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: households and their members. Who may read a household: the insured persons whose account is linked to
 * it, and advisors, conciliators and the DPO. Anybody else — in particular another insured person — is told the
 * household does not exist (404), so that ids cannot be probed. Every read is audited, one line per member.
 */
@Service
public class Households {

    /** Roles that may read any household (with a purpose). */
    public static final Set<Role> AGENT_READERS = EnumSet.of(Role.ADVISOR, Role.CONCILIATOR, Role.DPO);

    public static final String INSURED_PURPOSE = "Consultation par l'assuré de son propre foyer";
    public static final String DEFAULT_AGENT_PURPOSE = "Accompagnement de l'assuré (demande en cours)";

    private final HouseholdRepository repository;
    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;
    private final java.time.Clock clock;

    Households(HouseholdRepository repository, CurrentUser currentUser, AuditTrail auditTrail, java.time.Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    @Transactional
    public long create(String label, InseeCode commune, List<NewMember> members) {
        long id = repository.insertHousehold(label, commune == null ? null : commune.value());
        for (NewMember member : members) {
            long memberId = repository.insertMember(id, member);
            auditTrail.record(
                    MembersPersonalData.personRef(memberId),
                    "member",
                    Long.toString(memberId),
                    AuditAction.CREATE,
                    "Inscription du foyer");
        }
        return id;
    }

    /** Lets the insured person with this account see the household. */
    @Transactional
    public void link(long householdId, long accountId) {
        repository.link(householdId, accountId);
    }

    /** The insured accounts linked to a household (who are told, in the application, of its proposals). */
    public List<Long> accountsOf(long householdId) {
        return repository.accountsOf(householdId);
    }

    /** The commune of each of these households (those with one), for aggregates by place. */
    public java.util.Map<Long, String> communesOf(java.util.Collection<Long> householdIds) {
        return repository.communesOf(householdIds);
    }

    /** The households an account is linked to. */
    public List<Long> householdsOf(long accountId) {
        return repository.householdsOf(accountId);
    }

    /**
     * The person references ({@code member:<id>}) of a household's members, for other modules' audit lines. No
     * personal data, hence not audited itself.
     */
    public List<String> personRefs(long householdId) {
        return repository.members(householdId).stream()
                .map(m -> MembersPersonalData.personRef(m.id()))
                .toList();
    }

    /** {@link #personRefs(long)} of several households in one query (a page of a list): by household id. */
    public java.util.Map<Long, List<String>> personRefs(java.util.Collection<Long> householdIds) {
        java.util.Map<Long, List<String>> refs = new java.util.HashMap<>();
        for (long[] pair : repository.memberIds(householdIds)) {
            refs.computeIfAbsent(pair[0], h -> new java.util.ArrayList<>()).add(MembersPersonalData.personRef(pair[1]));
        }
        return refs;
    }

    /** The profile of a household (no names) for ranking and placing it; empty when it does not exist. */
    public java.util.Optional<HouseholdProfile> profile(long householdId) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return repository
                .findHousehold(householdId)
                .map(h -> new HouseholdProfile(
                        h.id(),
                        h.communeCode(),
                        h.communeCode() == null
                                ? null
                                : InseeCode.of(h.communeCode()).departement(),
                        h.lat(),
                        h.lon(),
                        repository.members(householdId).stream()
                                .map(m -> HouseholdProfile.Person.of(m, today))
                                .toList()));
    }

    /** The household of a member, by the fund's references of both; empty unless the member belongs to that household. */
    public java.util.Optional<Long> findByReferences(String householdRef, String memberRef) {
        return repository.findByReferences(householdRef, memberRef);
    }

    /** The e-mail address to write to about the household: the first adult member's who agreed to be contacted. */
    public java.util.Optional<String> contactEmail(long householdId) {
        return repository.members(householdId).stream()
                .filter(m -> m.email() != null && m.consentToContact())
                .map(HouseholdRepository.MemberRow::email)
                .findFirst();
    }

    /** Households with a member in ALD without a médecin traitant who agreed to be contacted (the ALD data source). */
    public List<Long> withLongTermConditionWithoutDoctor(int limit) {
        return repository.withLongTermConditionWithoutDoctor(limit);
    }

    /** Declares a médecin traitant for every member of a household (after a transfer the old one is far away). */
    @Transactional
    public int declareDoctor(long householdId, @Nullable String rpps, String purpose) {
        List<HouseholdRepository.MemberRow> members = repository.members(householdId);
        int changed = repository.declareDoctor(householdId, rpps, java.time.LocalDate.now(clock));
        for (HouseholdRepository.MemberRow m : members) {
            auditMember(m.id(), AuditAction.UPDATE, purpose);
        }
        return changed;
    }

    /**
     * What a household's chosen médecin traitant may know of it: each member's name and date of birth, and the phone
     * and e-mail of those who agreed to be contacted. The caller (the proposal workflow) has checked that the household
     * confirmed this doctor; every read is audited with {@code purpose}.
     */
    @Transactional
    public List<MemberContact> forTheirDoctor(long householdId, String purpose) {
        List<HouseholdRepository.MemberRow> members = repository.members(householdId);
        for (HouseholdRepository.MemberRow m : members) {
            auditTrail.record(
                    MembersPersonalData.personRef(m.id()),
                    "household",
                    Long.toString(householdId),
                    AuditAction.READ,
                    purpose);
        }
        return members.stream()
                .map(m -> new MemberContact(
                        m.firstName(),
                        m.lastName(),
                        m.birthDate(),
                        m.consentToContact() && m.phone() != null
                                ? new fr.traitant.app.platform.values.PhoneNumber(m.phone()).national()
                                : null,
                        m.consentToContact() ? m.email() : null))
                .toList();
    }

    /** A member as their médecin traitant sees them; phone and e-mail null unless the member agreed to be contacted. */
    public record MemberContact(
            String firstName,
            String lastName,
            java.time.@Nullable LocalDate birthDate,
            @Nullable String phone,
            @Nullable String email) {
        /** "1 mars 1990". */
        public @Nullable String birthDateText() {
            return birthDate == null ? "—" : fr.traitant.app.platform.FrenchDates.day(birthDate);
        }

        /** Never the contact details in clear in logs. */
        @Override
        public String toString() {
            return "MemberContact[" + firstName + "]";
        }
    }

    /** Marks the household as having left the programme (its retention period starts). */
    @Transactional
    public void close(long householdId, Instant at) {
        repository.close(householdId, at);
    }

    /**
     * Reads a household for the signed-in person, audited.
     *
     * @param purpose why an agent reads it; ignored for the insured person (their own household)
     * @throws NotFoundException when it does not exist or the person may not see it
     */
    @Transactional
    public HouseholdView read(long householdId, String purpose) {
        SignedInUser user = currentUser.get();
        boolean allowed = user.has(Role.INSURED)
                ? repository.isLinked(householdId, user.accountId())
                : AGENT_READERS.contains(user.role());
        HouseholdRepository.HouseholdRow household = repository
                .findHousehold(householdId)
                .filter(h -> allowed)
                .orElseThrow(() -> new NotFoundException("Aucun foyer " + householdId + "."));
        String why = user.has(Role.INSURED)
                ? INSURED_PURPOSE
                : (purpose == null || purpose.isBlank() ? DEFAULT_AGENT_PURPOSE : purpose);
        List<HouseholdRepository.MemberRow> members = repository.members(householdId);
        if (members.isEmpty()) {
            auditTrail.record(null, "household", Long.toString(householdId), AuditAction.READ, why);
        }
        for (HouseholdRepository.MemberRow m : members) {
            auditTrail.record(
                    MembersPersonalData.personRef(m.id()),
                    "household",
                    Long.toString(householdId),
                    AuditAction.READ,
                    why);
        }
        return new HouseholdView(
                household.id(),
                household.label(),
                household.communeCode(),
                members.stream().map(HouseholdRepository.MemberRow::view).toList());
    }

    /**
     * These members (in ALD without a médecin traitant still), to write to them; reading is audited with {@code purpose}.
     * Members who declared a doctor since, or whose household closed, are not returned.
     */
    @Transactional
    public List<AldMember> longTermConditionWithoutDoctor(java.util.Collection<Long> memberIds, String purpose) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        List<AldMember> found = repository.aldMembersWithoutDoctor(memberIds);
        for (AldMember m : found) {
            auditMember(m.memberId(), AuditAction.READ, purpose);
        }
        return found;
    }

    /** How many members in ALD have no declared médecin traitant (open households with a commune); no personal data. */
    public long countLongTermConditionWithoutDoctor() {
        return repository.countAldMembersWithoutDoctor();
    }

    /** A member in ALD without a médecin traitant, as the ALD intake needs them (no NIR). */
    public record AldMember(
            long memberId,
            long householdId,
            String name,
            String householdLabel,
            String communeCode,
            String departement,
            java.util.Optional<String> email,
            boolean synthetic) {}

    /**
     * Ids of members in ALD without a declared médecin traitant (open households with a commune), after
     * {@code afterMemberId}, in order: the ALD intake's candidates. Ids only, nobody's data: not audited.
     */
    public List<Long> longTermConditionWithoutDoctorIds(long afterMemberId, int limit) {
        return repository.aldMemberIdsWithoutDoctor(afterMemberId, limit);
    }

    /** One line of the audit trail for a member's record. */
    private void auditMember(long memberId, AuditAction action, String purpose) {
        auditTrail.record(MembersPersonalData.personRef(memberId), "member", Long.toString(memberId), action, purpose);
    }
}
