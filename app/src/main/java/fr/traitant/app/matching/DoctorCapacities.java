package fr.traitant.app.matching;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import fr.traitant.app.territory.CommuneSummary;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.directory.NewPatients;
import java.time.Clock;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the doctors' availability for the workflow — where a doctor practises and how many new patients they take
 * (the {@code doctor_capacity} row, ADR 0051), declared by the doctor or for them, mirrored to the directory when the
 * account is the directory doctor's (the source of truth, ADR 0050), and read by the matching and the proposals.
 */
@Service
public class DoctorCapacities {

    /** A workflow doctor's capacity ({@code doctorId}: the {@code doctor_capacity} row, ADR 0051). */
    public record Capacity(
            long doctorId,
            String communeCode,
            String departement,
            int capacity,
            int committed,
            boolean networkMember,
            boolean accepting) {
        public int remaining() {
            return capacity - committed;
        }

        /** The workflow doctor, typed (what {@link ProposalWorkflow#propose} takes). */
        public WorkflowDoctorId doctor() {
            return WorkflowDoctorId.of(doctorId);
        }
    }

    private final CapacityRepository repository;
    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;
    private final Territory territory;
    private final Clock clock;
    private final DoctorRoster roster;
    private final fr.traitant.app.directory.Doctors directory;
    private final fr.traitant.app.identity.Accounts accounts;

    DoctorCapacities(
            CapacityRepository repository,
            CurrentUser currentUser,
            AuditTrail auditTrail,
            Territory territory,
            Clock clock,
            DoctorRoster roster,
            fr.traitant.app.directory.Doctors directory,
            fr.traitant.app.identity.Accounts accounts) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.auditTrail = auditTrail;
        this.territory = territory;
        this.clock = clock;
        this.roster = roster;
        this.directory = directory;
        this.accounts = accounts;
    }

    /** A field of the doctor's availability form is invalid: shown next to that field. */
    public static class AvailabilityRefused extends IllegalArgumentException {
        private final String field;

        AvailabilityRefused(String field, String message) {
            super(message);
            this.field = field;
        }

        /** Form field: {@code status}, {@code capacity} or {@code commune}. */
        public String field() {
            return field;
        }
    }

    /**
     * Declares (or updates) where a doctor practises and how many new patients they take (accepting when
     * {@code capacity > 0}). Network membership is the network module's (ADR 0050), never declared here.
     */
    @Transactional
    public void declareCapacity(long doctorAccountId, @Nullable String rpps, String communeCode, int capacity) {
        declareCapacity(doctorAccountId, rpps, communeCode, capacity, null);
    }

    /**
     * @param email the doctor's (MSSanté) address for proposals, or null to keep the known one
     */
    @Transactional
    public void declareCapacity(
            long doctorAccountId, @Nullable String rpps, String communeCode, int capacity, @Nullable String email) {
        declare(
                doctorAccountId,
                rpps,
                capacity > 0 ? NewPatients.ACCEPTING : NewPatients.NOT_ACCEPTING,
                capacity,
                communeCode,
                email);
    }

    /**
     * The signed-in doctor states their new-patient status (HL7 semantics, as in the directory), how many new patients
     * they take and the commune of the practice used for matching. The directory's availability is updated when the
     * account's RPPS is a directory doctor (the source of truth, ADR 0050). Audited.
     *
     * @throws AvailabilityRefused naming the invalid field
     */
    @Transactional
    public void updateMyAvailability(@Nullable NewPatients status, @Nullable Integer capacity, String communeCode) {
        SignedInUser doctor = currentUser.get();
        if (!doctor.has(Role.DOCTOR)) {
            throw new NotFoundException("Introuvable.");
        }
        if (status == null) {
            throw new AvailabilityRefused("status", "Indiquez si vous acceptez de nouveaux patients.");
        }
        if (capacity == null || capacity < 0 || capacity > 2_000) {
            throw new AvailabilityRefused("capacity", "Le nombre de nouveaux patients va de 0 à 2000.");
        }
        if (status != NewPatients.ACCEPTING && capacity != 0) {
            throw new AvailabilityRefused(
                    "capacity", "Un nombre de nouveaux patients ne s'indique que si vous en acceptez : mettez 0.");
        }
        String rpps = accounts.doctorRpps(doctor.accountId())
                .map(fr.traitant.engine.directory.Rpps::value)
                .orElseGet(() -> repository.rppsOfAccount(doctor.accountId()).orElse(null));
        declare(doctor.accountId(), rpps, status, capacity, communeCode, null);
        auditTrail.record(
                null,
                "doctor_availability",
                Long.toString(doctor.accountId()),
                AuditAction.UPDATE,
                "Disponibilité déclarée par le médecin : " + status.label() + ", " + capacity
                        + " nouveau(x) patient(s), commune " + communeCode);
    }

    private void declare(
            long doctorAccountId,
            @Nullable String rpps,
            NewPatients status,
            int capacity,
            String communeCode,
            @Nullable String email) {
        String address = email == null
                ? null
                : fr.traitant.app.platform.values.EmailAddress.of(email).value();
        if (capacity < 0 || capacity > 5000) {
            throw new AvailabilityRefused("capacity", "La capacité va de 0 à 5000 nouveaux patients.");
        }
        CommuneSummary commune = territory
                .resolveCommune(communeCode)
                .orElseThrow(() -> new AvailabilityRefused(
                        "commune",
                        "Commune introuvable : indiquez le nom de la commune du cabinet, "
                                + "son code postal ou son code INSEE."));
        if (rpps != null) {
            repository.adoptMirrorRow(doctorAccountId, rpps);
        }
        int committed = capacity(doctorAccountId).map(Capacity::committed).orElse(0);
        if (capacity < committed) {
            throw new AvailabilityRefused(
                    "capacity",
                    "Vous avez déjà accepté " + committed + " patient(s) : la capacité ne peut pas être inférieure.");
        }
        double lat = commune.lat();
        double lon = commune.lon();
        // the directory entry is changed only for the account the identity module links to that RPPS (its own)
        Optional<fr.traitant.app.directory.DoctorProfile> linked = rpps == null
                ? Optional.empty()
                : accounts.doctorRpps(doctorAccountId)
                        .map(fr.traitant.engine.directory.Rpps::value)
                        .filter(rpps::equals)
                        .flatMap(roster::directoryDoctor);
        if (linked.isPresent()) {
            fr.traitant.app.directory.DoctorProfile p = linked.get();
            // the practice place: one of the directory's locations in that commune if there is one, else the commune
            Optional<fr.traitant.app.directory.PracticeLocation> place = p.locations().stream()
                    .filter(l -> l.communeCode().equals(commune.code()))
                    .findFirst();
            if (place.isPresent()) {
                lat = place.get().lat();
                lon = place.get().lon();
            }
            directory.updateAvailability(
                    java.util.Objects.requireNonNull(rpps),
                    status,
                    status == NewPatients.ACCEPTING ? capacity : 0,
                    p.maxComplexity(),
                    false);
        }
        repository.upsertCapacity(
                doctorAccountId,
                rpps,
                commune,
                lat,
                lon,
                capacity,
                status == NewPatients.ACCEPTING,
                clock.instant(),
                address);
        roster.refresh(capacity(doctorAccountId).orElseThrow().doctorId());
    }

    /** The capacity of this DOCTOR account's workflow doctor: its own row, else the directory doctor's with its RPPS (ADR 0051). */
    public Optional<Capacity> capacity(long doctorAccountId) {
        String rpps = accounts.doctorRpps(doctorAccountId)
                .map(fr.traitant.engine.directory.Rpps::value)
                .orElse(null);
        return repository.capacity(doctorAccountId, rpps);
    }
}
