package fr.traitant.app.directory;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.directory.NewPatients;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The directory's doctors as FHIR R4 resources (Practitioner, PractitionerRole, Location, Organization), after the
 * French annuaire santé profiles: what {@link DirectoryFhir} serves. The year of birth is given to agents only.
 */
@org.springframework.stereotype.Component
class FhirResources {

    static final String FHIR_JSON = "application/fhir+json";
    static final String RPPS_SYSTEM = "https://rpps.esante.gouv.fr";
    static final String SPECIALTY_SYSTEM =
            "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
    static final String NEW_PATIENTS_EXTENSION = "https://traitant.fr/fhir/StructureDefinition/newpatients";
    static final String ACCEPTING_SYSTEM =
            "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AcceptingPatientsCS";
    static final String NETWORK_EXTENSION = "https://traitant.fr/fhir/StructureDefinition/network-member";
    static final String TELECONSULTATION_EXTENSION = "https://traitant.fr/fhir/StructureDefinition/teleconsultation";
    static final String TAG_SYSTEM = "https://traitant.fr/fhir/CodeSystem/data-origin";

    private final Territory territory;
    private final fr.traitant.app.identity.CurrentUser currentUser;

    FhirResources(Territory territory, fr.traitant.app.identity.CurrentUser currentUser) {
        this.territory = territory;
        this.currentUser = currentUser;
    }

    Practitioner practitioner(DoctorProfile p) {
        Practitioner r = new Practitioner();
        r.setId(p.id());
        tag(r, p);
        p.rpps()
                .ifPresent(rpps -> r.addIdentifier()
                        .setSystem(RPPS_SYSTEM)
                        .setValue(rpps)
                        .setUse(org.hl7.fhir.r4.model.Identifier.IdentifierUse.OFFICIAL));
        r.setActive(p.active());
        HumanName name = r.addName()
                .setUse(HumanName.NameUse.OFFICIAL)
                .setFamily(p.lastName().isEmpty() ? p.id() : p.lastName());
        if (!p.firstName().isEmpty()) {
            name.addGiven(p.firstName());
        }
        name.addPrefix("Dr");
        if (!p.phone().isEmpty()) {
            r.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(p.phone())
                    .setUse(ContactPoint.ContactPointUse.WORK);
        }
        if (!p.mssante().isEmpty()) {
            r.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.EMAIL)
                    .setValue(p.mssante())
                    .setUse(ContactPoint.ContactPointUse.WORK);
        }
        if (currentUser.find().filter(u -> u.role().agent()).isPresent()) { // the year of birth is for agents only
            p.birthYear().ifPresent(y -> r.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(String.valueOf(y))));
        }
        r.addCommunication(language("fr", "français"));
        for (String l : p.languages()) {
            r.addCommunication(language(l, null));
        }
        return r;
    }

    PractitionerRole role(DoctorProfile p) {
        PractitionerRole r = new PractitionerRole();
        r.setId(p.id());
        tag(r, p);
        r.setActive(p.active());
        r.setPractitioner(new Reference("Practitioner/" + p.id()).setDisplay(p.displayName()));
        r.addCode(new CodeableConcept()
                .addCoding(new Coding("http://terminology.hl7.org/CodeSystem/practitioner-role", "doctor", "Doctor")));
        r.addSpecialty(new CodeableConcept()
                .addCoding(new Coding(
                        SPECIALTY_SYSTEM, p.specialty().code(), p.specialty().label()))
                .setText(p.specialty().label()));
        for (PracticeLocation l : p.locations()) {
            r.addLocation(new Reference("Location/" + p.id() + "-" + l.ordinal()));
        }
        r.setOrganization(
                new Reference("Organization/" + p.id() + "-" + p.mainLocation().ordinal()));
        if (!p.phone().isEmpty()) {
            r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        }
        r.addExtension(TELECONSULTATION_EXTENSION, new BooleanType(p.teleconsultation()));
        Extension newPatients = r.addExtension().setUrl(NEW_PATIENTS_EXTENSION);
        NewPatients status = p.newPatients();
        newPatients.addExtension(
                "acceptingPatients",
                new CodeableConcept()
                        .addCoding(new Coding(ACCEPTING_SYSTEM, status.hl7Code(), status.label()))
                        .setText(status.label()));
        newPatients.addExtension("capacity", new IntegerType(p.capacity()));
        newPatients.addExtension("maxComplexity", new IntegerType(p.maxComplexity()));
        r.addExtension(NETWORK_EXTENSION, new BooleanType(p.networkMember()));
        return r;
    }

    Location location(DoctorProfile p, PracticeLocation l) {
        Location r = new Location();
        r.setId(p.id() + "-" + l.ordinal());
        tag(r, p);
        r.setStatus(Location.LocationStatus.ACTIVE);
        r.setMode(Location.LocationMode.INSTANCE);
        r.setName(l.name().isEmpty() ? "Cabinet du " + p.displayName() : l.name());
        r.setAddress(address(l));
        r.setPosition(
                new Location.LocationPositionComponent().setLatitude(l.lat()).setLongitude(l.lon()));
        r.setManagingOrganization(new Reference("Organization/" + p.id() + "-" + l.ordinal()));
        if (!p.phone().isEmpty()) {
            r.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        }
        return r;
    }

    Organization organization(DoctorProfile p, PracticeLocation l) {
        Organization r = new Organization();
        r.setId(p.id() + "-" + l.ordinal());
        tag(r, p);
        r.setActive(true);
        r.addType(new CodeableConcept()
                .addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/organization-type", "prov", "Healthcare Provider")));
        r.setName(l.name().isEmpty() ? "Cabinet du " + p.displayName() : l.name());
        r.addAddress(address(l));
        return r;
    }

    private Address address(PracticeLocation l) {
        Address a = new Address()
                .setUse(Address.AddressUse.WORK)
                .setType(Address.AddressType.PHYSICAL)
                .setCountry("FR");
        if (!l.address().isEmpty()) {
            a.addLine(l.address());
        }
        if (!l.postalCode().isEmpty()) {
            a.setPostalCode(l.postalCode());
        }
        territory
                .findCommune(l.communeCode())
                .ifPresent(c -> a.setCity(c.name()).setDistrict(c.departement()));
        return a;
    }

    private static CodeableConcept language(String code, @Nullable String display) {
        return new CodeableConcept().addCoding(new Coding("urn:ietf:bcp:47", code, display));
    }

    private static void tag(Resource r, DoctorProfile p) {
        if (p.synthetic()) {
            r.getMeta().addTag(TAG_SYSTEM, "synthetic", "Données synthétiques (fictives)");
        }
    }

    // --- plumbing
}
