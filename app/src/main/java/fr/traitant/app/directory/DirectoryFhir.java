package fr.traitant.app.directory;

import static fr.traitant.app.directory.FhirResources.*;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.geo.GeoPoint;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Distance;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR R4 (JSON) read and search over the directory at {@code /fhir} (access: public). HAPI's model objects are
 * built and serialised with HAPI's parser inside Spring MVC (no HAPI RestfulServer): see ADR 0012.
 *
 * <p>Ids: {@code Practitioner/{doctorId}}, {@code PractitionerRole/{doctorId}}, {@code Location/{doctorId}-{n}} and
 * {@code Organization/{doctorId}-{n}} for the n-th practice location (0 = main).
 */
@RestController
@RequestMapping(
        value = "/fhir",
        produces = {FhirResources.FHIR_JSON, MediaType.APPLICATION_JSON_VALUE})
class DirectoryFhir {

    private static final Pattern LOCATION_ID = Pattern.compile("(.+)-(\\d{1,2})");

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final Doctors doctors;
    private final DoctorSearch search;
    private final Territory territory;

    private final FhirResources resources;

    DirectoryFhir(Doctors doctors, DoctorSearch search, Territory territory, FhirResources resources) {
        this.resources = resources;
        this.doctors = doctors;
        this.search = search;
        this.territory = territory;
    }

    @GetMapping("/metadata")
    ResponseEntity<String> metadata(HttpServletRequest request) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setId("traitant-directory");
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(new Date(1_767_225_600_000L));
        cs.setPublisher("Traitant");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getImplementation()
                .setDescription("Annuaire Traitant (médecins, lieux d'exercice, accueil de nouveaux patients)")
                .setUrl(base(request));
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("json");
        cs.addFormat(FHIR_JSON);
        var rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        resource(
                rest,
                "Practitioner",
                List.of(
                        param(
                                "identifier",
                                Enumerations.SearchParamType.TOKEN,
                                "RPPS number: https://rpps.esante.gouv.fr|{11 digits}"),
                        param("name", Enumerations.SearchParamType.STRING, "part of the name"),
                        pageSize(),
                        pageOffset()));
        resource(
                rest,
                "PractitionerRole",
                List.of(param("practitioner", Enumerations.SearchParamType.REFERENCE, "Practitioner/{id}")));
        resource(
                rest,
                "Location",
                List.of(
                        param(
                                "near",
                                Enumerations.SearchParamType.SPECIAL,
                                "latitude|longitude|distance|km (great-circle distance)"),
                        pageSize(),
                        pageOffset()));
        resource(rest, "Organization", List.of());
        return json(cs);
    }

    @GetMapping("/Practitioner/{id}")
    ResponseEntity<String> practitioner(@PathVariable String id) {
        return json(resources.practitioner(activeProfile(id)));
    }

    @GetMapping("/Practitioner")
    ResponseEntity<String> practitioners(
            @RequestParam(required = false) String identifier,
            @RequestParam(required = false) String name,
            @RequestParam(name = "_count", defaultValue = "20") int count,
            @RequestParam(name = "_getpagesoffset", required = false) Integer pagesOffset,
            @RequestParam(name = "_offset", required = false) Integer offsetAlias,
            HttpServletRequest request) {
        Bundle bundle = searchset(request);
        int offset = offset(pagesOffset, offsetAlias);
        if (identifier != null) {
            String value = identifier.contains("|") ? identifier.substring(identifier.indexOf('|') + 1) : identifier;
            String system = identifier.contains("|") ? identifier.substring(0, identifier.indexOf('|')) : RPPS_SYSTEM;
            if (system.equals(RPPS_SYSTEM)) {
                doctors.findByRpps(value)
                        .filter(DoctorProfile::active)
                        .ifPresent(p -> add(bundle, resources.practitioner(p), request, null));
            }
        } else if (name != null && !name.isBlank()) {
            DoctorSearchResults results = search.search(
                    new DoctorSearchCriteria(
                            Optional.empty(),
                            name,
                            false,
                            false,
                            false,
                            "",
                            false,
                            false,
                            "",
                            DoctorSearchCriteria.DEFAULT_RADIUS_KM,
                            count(count)),
                    Optional.empty(),
                    offset);
            for (DoctorHit hit : results.doctors()) {
                add(bundle, resources.practitioner(activeProfile(hit.id())), request, null);
            }
            page(bundle, request, offset, count, results.matching());
            return json(bundle);
        } else {
            throw new IllegalArgumentException("Précisez identifier ou name.");
        }
        bundle.setTotal(bundle.getEntry().size());
        return json(bundle);
    }

    @GetMapping("/PractitionerRole/{id}")
    ResponseEntity<String> role(@PathVariable String id) {
        return json(resources.role(activeProfile(id)));
    }

    @GetMapping("/PractitionerRole")
    ResponseEntity<String> roles(@RequestParam String practitioner, HttpServletRequest request) {
        String id = practitioner.startsWith("Practitioner/")
                ? practitioner.substring("Practitioner/".length())
                : practitioner;
        Bundle bundle = searchset(request);
        doctors.findProfile(id)
                .filter(DoctorProfile::active)
                .ifPresent(p -> add(bundle, resources.role(p), request, null));
        bundle.setTotal(bundle.getEntry().size());
        return json(bundle);
    }

    @GetMapping("/Location/{id}")
    ResponseEntity<String> location(@PathVariable String id) {
        String missing = "Aucun lieu n'a l'identifiant " + id;
        Practice practice = practice(id, missing);
        return json(resources.location(practice.doctor(), practice.location()));
    }

    @GetMapping("/Location")
    ResponseEntity<String> locations(
            @RequestParam String near,
            @RequestParam(name = "_count", defaultValue = "20") int count,
            @RequestParam(name = "_getpagesoffset", required = false) Integer pagesOffset,
            @RequestParam(name = "_offset", required = false) Integer offsetAlias,
            HttpServletRequest request) {
        int offset = offset(pagesOffset, offsetAlias);
        String[] parts = near.split("\\|");
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("near attend latitude|longitude|distance|km.");
        }
        double lat;
        double lon;
        double km = DoctorSearchCriteria.DEFAULT_RADIUS_KM;
        try {
            lat = Double.parseDouble(parts[0]);
            lon = Double.parseDouble(parts[1]);
            if (parts.length >= 3 && !parts[2].isBlank()) {
                km = Double.parseDouble(parts[2]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("near attend des nombres : latitude|longitude|distance|km.");
        }
        if (parts.length == 4 && !parts[3].isBlank() && !parts[3].equals("km")) {
            km = switch (parts[3]) {
                case "m" -> km / 1_000;
                default ->
                    throw new IllegalArgumentException(
                            "Unité de distance non prise en charge : " + parts[3] + " (km ou m).");
            };
        }
        DoctorSearch.Place place = search.point(lat, lon);
        DoctorSearchResults results = search.search(
                new DoctorSearchCriteria(
                        Optional.of(place.point()), "", false, false, false, "", false, false, "", km, count(count)),
                Optional.of(place),
                offset);
        Bundle bundle = searchset(request);
        GeoPoint origin = place.point();
        for (DoctorHit hit : results.doctors()) {
            DoctorProfile p = activeProfile(hit.id());
            PracticeLocation l = p.locations().stream()
                    .filter(x -> x.lat() == hit.lat() && x.lon() == hit.lon())
                    .findFirst()
                    .orElse(p.mainLocation());
            double metres = origin.distanceMetresTo(new GeoPoint(l.lat(), l.lon()));
            add(bundle, resources.location(p, l), request, metres);
        }
        page(bundle, request, offset, count, results.matching());
        return json(bundle);
    }

    /** A practice: a doctor and one of their locations. */
    private record Practice(DoctorProfile doctor, PracticeLocation location) {}

    /** The practice of a FHIR id ({@code <doctor>-<ordinal>}), the id read once; 404 with {@code missing} otherwise. */
    private Practice practice(String id, String missing) {
        var m = LOCATION_ID.matcher(id);
        if (!m.matches()) {
            throw new NotFoundException(missing);
        }
        DoctorProfile p = activeProfile(m.group(1));
        int ordinal = Integer.parseInt(m.group(2));
        return p.locations().stream()
                .filter(x -> x.ordinal() == ordinal)
                .findFirst()
                .map(l -> new Practice(p, l))
                .orElseThrow(() -> new NotFoundException(missing));
    }

    @GetMapping("/Organization/{id}")
    ResponseEntity<String> organization(@PathVariable String id) {
        String missing = "Aucune organisation n'a l'identifiant " + id;
        Practice practice = practice(id, missing);
        return json(resources.organization(practice.doctor(), practice.location()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> badRequest(IllegalArgumentException e) {
        return outcome(HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.INVALID, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return outcome(HttpStatus.NOT_FOUND, OperationOutcome.IssueType.NOTFOUND, e.getMessage());
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    ResponseEntity<String> missing(org.springframework.web.bind.MissingServletRequestParameterException e) {
        return outcome(
                HttpStatus.BAD_REQUEST,
                OperationOutcome.IssueType.REQUIRED,
                "Le paramètre « " + e.getParameterName() + " » est obligatoire.");
    }

    // --- resources

    private DoctorProfile activeProfile(String id) {
        return doctors.findProfile(id)
                .filter(DoctorProfile::active)
                .orElseThrow(() -> new NotFoundException("Aucun médecin actif n'a l'identifiant " + id));
    }

    private static int count(int count) {
        if (count < 1 || count > DoctorSearchCriteria.MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "_count doit être compris entre 1 et " + DoctorSearchCriteria.MAX_LIMIT + ".");
        }
        return count;
    }

    /** The page's start: {@code _getpagesoffset} (HAPI's name) or {@code _offset} (R5's), 0 by default. */
    private static int offset(Integer pagesOffset, Integer offsetAlias) {
        int offset = pagesOffset != null ? pagesOffset : offsetAlias != null ? offsetAlias : 0;
        if (offset < 0 || offset > DoctorSearch.MAX_OFFSET) {
            throw new IllegalArgumentException(
                    "_getpagesoffset doit être compris entre 0 et " + DoctorSearch.MAX_OFFSET + ".");
        }
        return offset;
    }

    /**
     * Offset paging (ADR 0040): {@code total}, and {@code self}, {@code next} and {@code previous} links that repeat the
     * search's own parameters with {@code _count} and {@code _getpagesoffset}.
     */
    private static void page(Bundle bundle, HttpServletRequest request, int offset, int count, int total) {
        bundle.setTotal(total);
        bundle.getLink().clear();
        bundle.addLink().setRelation("self").setUrl(pageUrl(request, offset, count));
        if (offset + count < total && offset + count <= DoctorSearch.MAX_OFFSET) {
            bundle.addLink().setRelation("next").setUrl(pageUrl(request, offset + count, count));
        }
        if (offset > 0) {
            bundle.addLink().setRelation("previous").setUrl(pageUrl(request, Math.max(0, offset - count), count));
        }
    }

    private static String pageUrl(HttpServletRequest request, int offset, int count) {
        StringBuilder query = new StringBuilder();
        if (request.getQueryString() != null) {
            for (String part : request.getQueryString().split("&")) {
                String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                if (!name.isEmpty()
                        && !name.equals("_count")
                        && !name.equals("_getpagesoffset")
                        && !name.equals("_offset")) {
                    query.append(part).append('&');
                }
            }
        }
        query.append("_count=").append(count);
        if (offset > 0) {
            query.append("&_getpagesoffset=").append(offset);
        }
        return base(request) + request.getRequestURI().substring("/fhir".length()) + "?" + query;
    }

    private static String base(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/fhir";
    }

    private static Bundle searchset(HttpServletRequest request) {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.SEARCHSET);
        b.addLink()
                .setRelation("self")
                .setUrl(base(request)
                        + request.getRequestURI().substring("/fhir".length())
                        + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
        return b;
    }

    private static void add(Bundle bundle, Resource r, HttpServletRequest request, @Nullable Double metres) {
        var entry = bundle.addEntry()
                .setFullUrl(base(request) + "/" + r.fhirType() + "/"
                        + r.getIdElement().getIdPart())
                .setResource(r);
        entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        if (metres != null) {
            Distance d = new Distance();
            d.setValue(Math.round(metres) / 1_000.0)
                    .setUnit("km")
                    .setSystem("http://unitsofmeasure.org")
                    .setCode("km");
            entry.getSearch().addExtension("http://hl7.org/fhir/StructureDefinition/location-distance", d);
        }
    }

    /** The paging parameters of every search (Practitioner, Location). */
    private static CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent pageSize() {
        return param("_count", Enumerations.SearchParamType.NUMBER, "page size, 1-100, default 20");
    }

    private static CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent pageOffset() {
        return param(
                "_getpagesoffset",
                Enumerations.SearchParamType.NUMBER,
                "position of the page's first result, 0-10000 (alias _offset); follow the Bundle's next/previous links");
    }

    private static void resource(
            CapabilityStatement.CapabilityStatementRestComponent rest,
            String type,
            List<CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent> params) {
        var r = rest.addResource().setType(type);
        r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        if (!params.isEmpty()) {
            r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        }
        params.forEach(r::addSearchParam);
    }

    private static CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent param(
            String name, Enumerations.SearchParamType type, String doc) {
        return new CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent()
                .setName(name)
                .setType(type)
                .setDocumentation(doc);
    }

    private static ResponseEntity<String> json(Resource r) {
        IParser parser = FHIR.newJsonParser().setPrettyPrint(false);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(FHIR_JSON + ";charset=UTF-8"))
                .body(parser.encodeResourceToString(r));
    }

    private static ResponseEntity<String> outcome(
            HttpStatus status, OperationOutcome.IssueType type, @Nullable String message) {
        OperationOutcome o = new OperationOutcome();
        o.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(message);
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(FHIR_JSON + ";charset=UTF-8"))
                .body(FHIR.newJsonParser().encodeResourceToString(o));
    }
}
