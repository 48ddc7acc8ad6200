package fr.traitant.app.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One operation of the OpenAPI document, as the fuzzer sends it: every parameter and body field with an ordinary value
 * (its example, default or first allowed value, else one fitting its type and name), any one of them replaceable.
 */
final class ApiOperation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "__fuzz__";

    private final String template;
    private final String method;
    private final Map<String, JsonNode> parameters = new LinkedHashMap<>();
    private final String bodyType;
    private final JsonNode bodySchema;

    ApiOperation(String template, String method, JsonNode operation, JsonNode schemas) {
        this.template = template;
        this.method = method;
        for (JsonNode parameter : operation.path("parameters")) {
            parameters.put(parameter.get("name").asString(), parameter);
        }
        JsonNode content = operation.path("requestBody").path("content");
        String type = null;
        JsonNode schema = null;
        for (Map.Entry<String, JsonNode> entry : content.properties()) {
            type = entry.getKey();
            schema = resolve(entry.getValue().path("schema"), schemas);
            break;
        }
        this.bodyType =
                type == null ? null : type.startsWith("multipart/") ? "multipart/form-data; boundary=fuzz" : type;
        this.bodySchema = schema;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/") ? schemas.path(ref.substring(21)) : schema;
    }

    String template() {
        return template;
    }

    String method() {
        return method;
    }

    Map<String, JsonNode> parameters() {
        return parameters;
    }

    boolean isHeader(String name) {
        return parameters.get(name).path("in").asString("").equals("header");
    }

    /** The path with its query string, {@code encoded} replacing the ordinary (already percent-encoded) values. */
    String path(Map<String, String> encoded) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : parameters.entrySet()) {
            String name = p.getKey();
            String where = p.getValue().path("in").asString("");
            String value = encoded.containsKey(name)
                    ? encoded.get(name)
                    : URLEncoder.encode(ordinary(name, p.getValue().path("schema")), StandardCharsets.UTF_8);
            if (where.equals("path")) {
                path = path.replace("{" + name + "}", value);
            } else if (where.equals("query")
                    && (encoded.containsKey(name)
                            || p.getValue().path("required").asBoolean(false))) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + value);
            }
        }
        return query.isEmpty() ? path : path + "?" + String.join("&", query);
    }

    /** The body's content type, or null for an operation without a body. */
    String bodyType() {
        return bodyType;
    }

    /** The top-level fields of a JSON body. */
    List<String> bodyFields() {
        List<String> fields = new ArrayList<>();
        if (bodySchema != null) {
            bodySchema.path("properties").propertyNames().forEach(fields::add);
        }
        return fields;
    }

    /** The ordinary body: a JSON object with every field, a small CSV file, or a multipart form with such a file. */
    byte[] body() {
        if (bodyType == null) {
            return new byte[0];
        }
        if (bodyType.contains("json")) {
            return JSON.writeValueAsBytes(ordinaryObject());
        }
        if (bodyType.startsWith("multipart/")) {
            String parts = bodyFields().stream()
                    .map(f -> "--fuzz\r\nContent-Disposition: form-data; name=\"" + f
                            + "\"; filename=\"fichier.csv\"\r\nContent-Type: text/csv\r\n\r\nnom;prenom\r\n")
                    .collect(Collectors.joining());
            return (parts + "--fuzz--\r\n").getBytes(StandardCharsets.UTF_8);
        }
        return "nom;prenom\n".getBytes(StandardCharsets.UTF_8);
    }

    /** The ordinary JSON body with one field holding the bad value (its raw bytes, invalid UTF-8 included). */
    byte[] bodyWith(String field, HostileValues value) {
        ObjectNode object = ordinaryObject();
        object.put(field, PLACEHOLDER);
        String json = JSON.writeValueAsString(object);
        int at = json.indexOf(PLACEHOLDER);
        byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        String escaped = JSON.writeValueAsString(value.text());
        byte[] middle = value.label().equals("UTF-8 invalide")
                ? value.bytes()
                : escaped.substring(1, escaped.length() - 1).getBytes(StandardCharsets.UTF_8);
        byte[] tail = json.substring(at + PLACEHOLDER.length()).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + middle.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    private ObjectNode ordinaryObject() {
        ObjectNode object = JSON.createObjectNode();
        if (bodySchema != null) {
            for (Map.Entry<String, JsonNode> property :
                    bodySchema.path("properties").properties()) {
                JsonNode schema = property.getValue();
                String type = schema.path("type").asString("string");
                String value = ordinary(property.getKey(), schema);
                switch (type) {
                    case "integer", "number" -> object.put(property.getKey(), new java.math.BigDecimal(value));
                    case "boolean" -> object.put(property.getKey(), Boolean.parseBoolean(value));
                    case "array" -> object.putArray(property.getKey());
                    case "object" -> object.putObject(property.getKey());
                    default -> object.put(property.getKey(), value);
                }
            }
        }
        return object;
    }

    /** An ordinary value for a parameter or field: its example, default or first allowed value, else by type and name. */
    private String ordinary(String name, JsonNode schema) {
        for (String key : List.of("example", "default")) {
            if (schema.has(key) && !schema.get(key).isContainer()) {
                return schema.get(key).asString();
            }
        }
        if (schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).asString();
        }
        String type = schema.path("type").asString("string");
        String format = schema.path("format").asString("");
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (type.equals("integer") || type.equals("number")) {
            return method.equals("GET") ? "1" : "999999999";
        }
        if (type.equals("boolean")) {
            return "true";
        }
        if (format.equals("date")) {
            return "2026-06-01";
        }
        if (format.equals("date-time")) {
            return "2026-06-01T10:00:00Z";
        }
        if (lower.contains("departement") || lower.equals("code")) {
            return "83";
        }
        if (lower.contains("insee") || lower.contains("commune")) {
            return "83137";
        }
        if (lower.contains("rpps")) {
            return "10003000001";
        }
        if (lower.contains("key")) {
            return "cle-ordinaire-0001";
        }
        return "toulon";
    }
}
