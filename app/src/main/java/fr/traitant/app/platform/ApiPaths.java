package fr.traitant.app.platform;

/** The addresses of the API (REST, FHIR, OpenAPI, actuator): answered in JSON whatever the client accepts. */
public final class ApiPaths {

    private ApiPaths() {}

    public static boolean includes(String path) {
        return path.startsWith("/api/")
                || path.startsWith("/fhir")
                || path.startsWith("/v3/")
                || path.startsWith("/actuator");
    }
}
