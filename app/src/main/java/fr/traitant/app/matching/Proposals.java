package fr.traitant.app.matching;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.HouseholdProfile;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.Vulnerability;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.travel.DensityClass;
import fr.traitant.engine.travel.RoadTimeModel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: proposals. A doctor sees only the proposals addressed to them (others are "not found"); advisors and
 * conciliators see any. Reads are audited for each member of the household concerned.
 */
@Service
public class Proposals {

    public static final Set<Role> AGENT_READERS = EnumSet.of(Role.ADVISOR, Role.CONCILIATOR);
    static final String DOCTOR_PURPOSE = "Consultation par le médecin d'une proposition qui lui est adressée";
    static final String AGENT_PURPOSE = "Suivi d'une proposition de médecin traitant";

    /**
     * SQL condition: proposal {@code p} (joined to its workflow doctor {@code c}) is addressed to the DOCTOR account
     * {@code :me} whose RPPS is {@code :myRpps} — made to that account, to its workflow doctor, or to the directory
     * doctor with its RPPS that no account has claimed yet (a doctor reached by e-mail who signs in later, ADR 0051).
     */
    static final String ADDRESSED_TO_ME =
            "(p.doctor_account_id = :me or c.doctor_account_id = :me or (c.doctor_account_id is null and c.rpps = :myRpps))";

    private final ProposalRepository repository;
    private final CurrentUser currentUser;
    private final Households households;
    private final AuditTrail auditTrail;

    private final Territory territory;
    private final int paediatricsUnder;
    private final fr.traitant.app.identity.Accounts accounts;

    private final fr.traitant.app.directory.Doctors directory;

    Proposals(
            ProposalRepository repository,
            CurrentUser currentUser,
            Households households,
            AuditTrail auditTrail,
            Territory territory,
            fr.traitant.app.identity.Accounts accounts,
            fr.traitant.app.directory.Doctors directory,
            MatchingProperties settings) {
        int paediatricsUnder = settings.matching().paediatricsUnder();
        this.directory = directory;
        this.accounts = accounts;
        this.territory = territory;
        this.paediatricsUnder = paediatricsUnder;
        this.repository = repository;
        this.currentUser = currentUser;
        this.households = households;
        this.auditTrail = auditTrail;
    }

    /** The signed-in doctor's proposals, most recent first. */
    @Transactional
    public List<ProposalView> mine() {
        SignedInUser user = currentUser.get();
        if (!user.has(Role.DOCTOR)) {
            return List.of();
        }
        List<ProposalView> proposals = repository.addressedTo(user.accountId(), myRpps(user));
        proposals.forEach(p -> audit(p.householdId(), p.id(), AuditAction.READ, DOCTOR_PURPOSE));
        return proposals;
    }

    /** The signed-in doctor's proposals with the household's profile (minimum necessary), most recent first; audited. */
    @Transactional
    public List<Map.Entry<ProposalView, HouseholdSummary>> mineWithProfiles() {
        return mine().stream().map(p -> Map.entry(p, summary(p))).toList();
    }

    /** One proposal with its household's profile: only for its doctor (anybody else, "not found"); audited. */
    @Transactional
    public Map.Entry<ProposalView, HouseholdSummary> readWithProfile(long id) {
        SignedInUser user = currentUser.get();
        if (!user.has(Role.DOCTOR)) {
            throw new NotFoundException("Aucune proposition " + id + ".");
        }
        ProposalView p = read(id);
        return Map.entry(p, summary(p));
    }

    private static final int[][] BANDS = {{0, 2}, {3, 15}, {16, 59}, {60, 74}, {75, 200}};

    HouseholdSummary summary(ProposalView p) {
        ProposalRepository.SummaryRow row = repository.summary(p.id());
        HouseholdProfile profile = households.profile(p.householdId()).orElseThrow();
        List<HouseholdProfile.Person> needing =
                profile.members().stream().filter(m -> !m.hasDeclaredDoctor()).toList();
        if (needing.isEmpty()) {
            needing = profile.members();
        }
        List<String> bands = new ArrayList<>();
        for (int[] b : BANDS) {
            long n = needing.stream()
                    .filter(m -> m.age() >= b[0] && m.age() <= b[1])
                    .count();
            if (n > 0) {
                bands.add(n + (b[1] >= 200 ? " de " + b[0] + " ans ou plus" : " de " + b[0] + " à " + b[1] + " ans"));
            }
        }
        List<String> needs = new ArrayList<>();
        if (needing.stream().anyMatch(m -> m.age() < paediatricsUnder)) {
            needs.add("enfant(s) de moins de " + paediatricsUnder + " ans (suivi pédiatrique)");
        }
        if (needing.stream().anyMatch(m -> m.vulnerabilities().contains(Vulnerability.DISABILITY))) {
            needs.add("handicap : cabinet accessible en fauteuil roulant");
        }
        String communeCode = row.destinationCommune().isEmpty() ? profile.communeCode() : row.destinationCommune();
        String commune = commune(communeCode)
                .map(c -> c.name() + " (" + c.departement() + ")")
                .orElse("commune inconnue");
        Double minutes = row.minutes();
        java.util.Optional<GeoPoint> home = profile.lat() != null
                        && profile.lon() != null
                        && row.destinationCommune().isEmpty()
                ? java.util.Optional.of(new GeoPoint(profile.lat(), java.util.Objects.requireNonNull(profile.lon())))
                : commune(communeCode).map(c -> new GeoPoint(c.lat(), c.lon()));
        if (minutes == null && row.doctorLat() != null && home.isPresent()) {
            // not from a run (a case worker's proposal): the same road-time estimate, at the intermediate speed
            double km = home.get().distanceMetresTo(new GeoPoint(row.doctorLat(), row.doctorLon())) / 1000;
            RoadTimeModel model = RoadTimeModel.DEFAULT;
            double speed = model.speedKmh(DensityClass.INTERMEDIATE);
            minutes = Math.round(model.minutesBetween(km, speed, speed) * 10) / 10.0;
        }
        return new HouseholdSummary(
                row.people(),
                bands,
                needing.stream().anyMatch(m -> m.longTermCondition() != null),
                needs,
                commune,
                row.priority(),
                Explanations.reasonsForDoctor(row.priorityReasons()),
                minutes,
                "TRANSFER".equals(row.source()));
    }

    private java.util.Optional<fr.traitant.app.territory.CommuneSummary> commune(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return territory.findCommune(code);
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The doctor of a proposal as the family sees it once the doctor has accepted: who, where, how to reach the
     * practice, and the estimated travel time.
     *
     * @param declaredOn the date the doctor declared themselves médecin traitant ("2 décembre 2026"), or null
     */
    public record ChosenDoctor(
            long proposalId,
            String status,
            String name,
            String address,
            String phone,
            @Nullable String sector,
            List<String> languages,
            @Nullable Boolean wheelchairAccess,
            @Nullable Double minutes,
            @Nullable Double lat,
            @Nullable Double lon,
            @Nullable String declaredOn,
            @Nullable String confirmedOn) {
        public ChosenDoctor {
            languages = List.copyOf(languages);
        }

        /** "anglais, arabe" from ISO codes. */
        public String languagesText() {
            return String.join(
                    ", ",
                    languages.stream()
                            .map(code ->
                                    java.util.Locale.forLanguageTag(code).getDisplayLanguage(java.util.Locale.FRENCH))
                            .toList());
        }
    }

    /**
     * The doctor of one of the signed-in insured person's proposals, once accepted (status ACCEPTED or ATTACHED);
     * empty before. Another household's proposal is "not found".
     */
    @Transactional
    public java.util.Optional<ChosenDoctor> doctorForMyHousehold(long proposalId) {
        SignedInUser user = currentUser.get();
        List<Long> own = user.has(Role.INSURED) ? households.householdsOf(user.accountId()) : List.of();
        ProposalRepository.WithDoctor row = repository
                .withDoctor(proposalId)
                .filter(r -> own.contains(r.householdId()))
                .orElseThrow(() -> new NotFoundException("Aucune proposition " + proposalId + "."));
        if (!row.status().equals("ACCEPTED") && !row.status().equals("ATTACHED")) {
            return java.util.Optional.empty();
        }
        HouseholdSummary summary = summary(new ProposalView(
                proposalId, row.householdId(), row.accountId(), row.status(), java.time.Instant.EPOCH));
        java.util.Optional<fr.traitant.app.directory.DoctorProfile> profile =
                row.rpps() == null ? java.util.Optional.empty() : directory.findByRpps(row.rpps());
        String confirmed = row.status().equals("ATTACHED") ? FrenchDates.day(row.decidedAt()) : null;
        String declared = FrenchDates.day(row.declaredAt());
        if (profile.isPresent()) {
            fr.traitant.app.directory.DoctorProfile d = profile.get();
            fr.traitant.app.directory.PracticeLocation place =
                    d.locations().isEmpty() ? null : d.locations().getFirst();
            return java.util.Optional.of(new ChosenDoctor(
                    proposalId,
                    row.status(),
                    doctorName(d),
                    practiceAddress(d),
                    d.phone(),
                    d.feeSector()
                            .map(fr.traitant.engine.directory.FeeSector::label)
                            .orElse(null),
                    d.languages(),
                    d.wheelchairAccess(),
                    summary.minutes(),
                    place == null ? row.lat() : Double.valueOf(place.lat()),
                    place == null ? row.lon() : Double.valueOf(place.lon()),
                    declared,
                    confirmed));
        }
        String name = row.accountId() == null
                ? "Votre médecin"
                : accounts.findById(row.accountId())
                        .map(SignedInUser::displayName)
                        .orElse("Votre médecin");
        String commune = row.communeCode() == null
                ? ""
                : commune(row.communeCode())
                        .map(fr.traitant.app.territory.CommuneSummary::name)
                        .orElse("");
        return java.util.Optional.of(new ChosenDoctor(
                proposalId,
                row.status(),
                name,
                commune,
                "",
                null,
                List.of(),
                null,
                summary.minutes(),
                row.lat(),
                row.lon(),
                declared,
                confirmed));
    }

    /**
     * The family of a proposal as its doctor sees it once the family has chosen them (status ATTACHED): names, dates
     * of birth and the contact details members agreed to share. Before that, empty (the anonymous profile only).
     * Another doctor's proposal is "not found". Audited for each member.
     *
     * @param declaredOn the date the doctor recorded the declaration, or null (still to do)
     */
    public record ChosenFamily(
            long proposalId,
            List<Households.MemberContact> members,
            @Nullable String confirmedOn,
            @Nullable String declaredOn) {
        public ChosenFamily {
            members = List.copyOf(members);
        }
    }

    static final String CHOSEN_DOCTOR_PURPOSE = "Le médecin traitant choisi par le foyer consulte ses coordonnées";

    @Transactional
    public java.util.Optional<ChosenFamily> familyOfMyProposal(long proposalId) {
        ProposalView p = read(proposalId); // its doctor only (agents never see contacts here), audited
        SignedInUser user = currentUser.get();
        if (!user.has(Role.DOCTOR) || !p.status().equals("ATTACHED")) {
            return java.util.Optional.empty();
        }
        java.time.Instant[] dates = repository.decidedAndDeclared(proposalId);
        return java.util.Optional.of(new ChosenFamily(
                proposalId,
                households.forTheirDoctor(p.householdId(), CHOSEN_DOCTOR_PURPOSE),
                FrenchDates.day(dates[0]),
                FrenchDates.day(dates[1])));
    }

    /** "Dr Anne Lemaire". */
    static String doctorName(fr.traitant.app.directory.DoctorProfile d) {
        return "Dr " + (d.firstName() + " " + d.lastName()).strip();
    }

    /** The main practice as one line: "Cabinet de Siam, 12 rue de Siam, 29200 Brest" (what is known of it). */
    String practiceAddress(fr.traitant.app.directory.DoctorProfile d) {
        if (d.locations().isEmpty()) {
            return "";
        }
        fr.traitant.app.directory.PracticeLocation place = d.locations().getFirst();
        String commune = commune(place.communeCode())
                .map(fr.traitant.app.territory.CommuneSummary::name)
                .orElse("");
        return String.join(
                ", ",
                java.util.stream.Stream.of(place.name(), place.address(), (place.postalCode() + " " + commune).strip())
                        .filter(t -> t != null && !t.isBlank())
                        .toList());
    }

    /** One proposal: its doctor or an advisor/conciliator; anybody else gets "not found". */
    @Transactional
    public ProposalView read(long id) {
        SignedInUser user = currentUser.get();
        boolean agent = AGENT_READERS.contains(user.role());
        boolean doctor = user.has(Role.DOCTOR);
        ProposalView proposal = (agent || doctor
                        ? repository.view(id, agent ? null : user.accountId(), doctor ? myRpps(user) : null)
                        : java.util.Optional.<ProposalView>empty())
                .orElseThrow(() -> new NotFoundException("Aucune proposition " + id + "."));
        audit(
                proposal.householdId(),
                proposal.id(),
                AuditAction.READ,
                user.has(Role.DOCTOR) ? DOCTOR_PURPOSE : AGENT_PURPOSE);
        return proposal;
    }

    private void audit(long householdId, long proposalId, AuditAction action, String purpose) {
        List<String> persons = households.personRefs(householdId);
        if (persons.isEmpty()) {
            auditTrail.record(null, "proposal", Long.toString(proposalId), action, purpose);
        }
        persons.forEach(person -> auditTrail.record(person, "proposal", Long.toString(proposalId), action, purpose));
    }

    private @Nullable String myRpps(SignedInUser doctor) {
        return accounts.doctorRpps(doctor.accountId())
                .map(fr.traitant.engine.directory.Rpps::value)
                .orElse(null);
    }
}
