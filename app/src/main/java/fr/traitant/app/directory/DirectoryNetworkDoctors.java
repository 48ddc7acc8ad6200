package fr.traitant.app.directory;

import fr.traitant.app.network.CharterSigned;
import fr.traitant.app.network.CharterWithdrawn;
import fr.traitant.app.network.NetworkDoctors;
import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.geo.GeoPoint;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The directory's side of the network: answers the network's port and keeps the "network member" flag of its doctors
 * from the network's events (written in the same transaction as the signature).
 */
@Component
class DirectoryNetworkDoctors implements NetworkDoctors {

    private final Doctors doctors;
    private final DoctorSearch search;
    private final CurrentDoctor currentDoctor;

    DirectoryNetworkDoctors(Doctors doctors, DoctorSearch search, CurrentDoctor currentDoctor) {
        this.doctors = doctors;
        this.search = search;
        this.currentDoctor = currentDoctor;
    }

    @Override
    public Optional<Doctor> findByRpps(String rpps) {
        return doctors.findByRpps(rpps).map(DirectoryNetworkDoctors::doctor);
    }

    @Override
    public Optional<Doctor> find(String doctorId) {
        return doctors.findProfile(doctorId).map(DirectoryNetworkDoctors::doctor);
    }

    @Override
    public Optional<String> currentDoctorRpps() {
        return currentDoctor.rpps();
    }

    @Override
    public void updateAvailability(String rpps, NewPatients status, int capacity, int maxComplexity) {
        doctors.updateAvailability(rpps, status, capacity, maxComplexity);
    }

    @Override
    public List<String> nearestGeneralPractitioners(GeoPoint point, double radiusKm, int count) {
        return search.nearestGeneralPractitioners(point, radiusKm, count);
    }

    @EventListener
    void on(CharterSigned signed) {
        doctors.setNetworkMember(signed.doctorId(), true);
    }

    @EventListener
    void on(CharterWithdrawn withdrawn) {
        doctors.setNetworkMember(withdrawn.doctorId(), false);
    }

    private static Doctor doctor(DoctorProfile p) {
        PracticeLocation main = p.mainLocation();
        return new Doctor(
                p.id(),
                p.rpps(),
                p.displayName(),
                p.mssante(),
                p.synthetic(),
                p.active(),
                main.communeCode(),
                main.lat(),
                main.lon(),
                p.newPatients(),
                p.capacity(),
                p.maxComplexity(),
                p.complexityDeclared(),
                p.availabilityUpdatedAt());
    }
}
