/**
 * Directory: doctors, their practice location, activity and new-patient status. Facade: {@link fr.traitant.app.directory.Doctors}.
 * Publishes {@link fr.traitant.app.directory.DoctorSupplyChanged} when a doctor joins, leaves or changes activity, and
 * {@link fr.traitant.app.directory.DirectorySupplyReloaded} once when an import changes many doctors.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Annuaire",
        allowedDependencies = {"identity", "network", "platform", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.directory;
