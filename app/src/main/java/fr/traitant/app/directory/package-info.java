/**
 * Directory: doctors, their practice location, activity and new-patient status. Facade: {@link fr.traitant.app.directory.Doctors}.
 * Publishes {@link fr.traitant.app.directory.DoctorSupplyChanged} when a doctor joins, leaves or changes activity.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Annuaire")
package fr.traitant.app.directory;
