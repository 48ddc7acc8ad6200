package fr.traitant.app.directory;

import fr.traitant.app.identity.DoctorDirectory;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The directory's answer to identity's first Pro Santé Connect sign-in: active doctors only. */
@Component
class DirectoryDoctorsForSignIn implements DoctorDirectory {

    private final Doctors doctors;

    DirectoryDoctorsForSignIn(Doctors doctors) {
        this.doctors = doctors;
    }

    @Override
    public Optional<ListedDoctor> activeDoctor(String rpps) {
        return doctors.findByRpps(rpps)
                .filter(DoctorProfile::active)
                .filter(p -> !p.synthetic())
                .map(p -> new ListedDoctor(
                        rpps, p.displayName(), Optional.ofNullable(p.mssante()).filter(m -> !m.isBlank())));
    }
}
