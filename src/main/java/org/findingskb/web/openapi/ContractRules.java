package org.findingskb.web.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The rules every operation of the API follows, applied to the whole document at once rather than written on each
 * handler: what each answers (its success status, and a problem detail for every error status it can give), the
 * headers it sends (ETag, Location, Link, Retry-After, X-Total-Count, X-Request-Id), who may call it (the API key,
 * as a Bearer token or in X-API-Key), its operationId ({@link OperationNames}), and the body of a JSON Merge Patch
 * (the fields of the PUT body, each optional, null removing it). Content negotiation headers are HTTP's business,
 * not parameters of an operation, and are left out.
 */
class ContractRules implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_ERROR = "ProblemError";
    static final String BEARER = "bearerKey";
    static final String HEADER_KEY = "apiKeyHeader";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON_LD = "application/ld+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String REF = "#/components/schemas/";
    private static final String HEADER_REF = "#/components/headers/";
    private static final Set<String> NEGOTIATION = Set.of("content-type", "accept", "authorization", "x-api-key");
    private static final Set<String> TEXT_TYPES = Set.of("text/csv", "text/markdown", "text/plain");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Pattern SCHEMA_REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

    private final OperationNames names;

    ContractRules(OperationNames names) {
        this.names = names;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSchemas(PROBLEM, problemSchema(components));
        headers().forEach(components::addHeaders);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key sent as `Authorization: Bearer <key>`"));
        components.addSecuritySchemes(HEADER_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key").description("The same API key, in X-API-Key"));
        if (api.getPaths() != null) {
            mergeEquivalentPaths(api);
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> apply(api, path, method.name(), operation)));
        }
        dropUnusedSchemas(api);
    }

    private void apply(OpenAPI api, String path, String method, Operation operation) {
        operation.setOperationId(names.operationId(method, path));
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean collection = OperationNames.isCollection(path);
        if (operation.getParameters() != null) {
            operation.getParameters().removeIf(p -> "header".equals(p.getIn())
                    && NEGOTIATION.contains(p.getName().toLowerCase(Locale.ROOT)));
            operation.getParameters().stream().filter(p -> HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.required(true).example("\"3-5f2c1a\"").description("The ETag of the version this"
                            + " write changes (its part before the dash is the version), or * for whatever version is"
                            + " current: 428 without it, 412 when it names another version"));
            if (operation.getParameters().isEmpty()) {
                operation.setParameters(null);
            }
        }
        boolean ifMatch = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> HttpHeaders.IF_MATCH.equalsIgnoreCase(p.getName()));
        if (read) {
            operation.addParametersItem(new Parameter().in("header").name(HttpHeaders.IF_NONE_MATCH).required(false)
                    .schema(new JsonSchema().types(Set.of("string"))).example("\"3-5f2c1a\"")
                    .description("The ETag of the representation the client holds: 304 while it is current"));
        }
        boolean writesBody = operation.getRequestBody() != null;
        if (method.equals("PATCH") && writesBody) {
            typeMergePatch(api, path, operation);
        }
        if (!read || path.equals("/api/export")) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(HEADER_KEY)));
        } else {
            // Said outright: reads need no key (an empty requirement).
            operation.setSecurity(List.of(new SecurityRequirement()));
        }

        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse success = responses.remove("200");
        if (success == null) {
            success = new ApiResponse().description("OK");
        }
        textAsString(success);
        String status = OperationNames.successStatus(method, path);
        Map<String, ApiResponse> answers = new LinkedHashMap<>();
        if (status.equals("204")) {
            answers.put(status, withHeaders(new ApiResponse().description("Done; nothing to answer with"), "X-Request-Id"));
        } else {
            answers.put(status, success.description(describe(status)));
        }
        for (String further : names.furtherStatuses(method, path)) {
            answers.put(further, copyOf(success).description(describe(further)));
        }
        answers.forEach((code, answer) -> {
            if (code.equals("201")) {
                withHeaders(answer, "Location");
            }
            if (!code.equals("204")) {
                withHeaders(answer, "ETag");
            }
            if (read && collection) {
                withHeaders(answer, "Link", "X-Total-Count");
            } else if (read && path.equals("/api/search")) {
                withHeaders(answer, "Link");
            }
            withHeaders(answer, "X-Request-Id");
        });
        if (read) {
            answers.put("304", withHeaders(new ApiResponse().description("Not Modified: the ETag in If-None-Match is"
                    + " still current"), "ETag", "X-Request-Id"));
        }

        List<Integer> problems = new ArrayList<>(List.of(400, 406, 500));
        if (path.contains("{")) {
            problems.add(404);
        }
        if (!read || path.equals("/api/export")) {
            problems.addAll(List.of(401, 403));
        }
        if (!read) {
            problems.addAll(List.of(409, 429));
        }
        if (writesBody) {
            problems.addAll(List.of(413, 415, 422));
        }
        if (ifMatch) {
            problems.addAll(List.of(412, 428));
        }
        if (read && collection || path.equals("/api/search")) {
            // Expensive reads (search, big pages, CSV) are rate-limited and bounded in time.
            problems.addAll(List.of(429, 503));
        }
        problems.stream().sorted().distinct().forEach(code -> answers.put(String.valueOf(code), problem(code)));

        ApiResponses ordered = new ApiResponses();
        answers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> ordered.addApiResponse(e.getKey(), e.getValue()));
        operation.setResponses(ordered);
    }

    /**
     * Paths that differ only in the names of their variables ({@code /api/studies/{idOrSlug}} for reads,
     * {@code /api/studies/{id}} for writes) are one path to a client: the later one's operations move to the first,
     * their path parameters renamed to its names.
     */
    private static void mergeEquivalentPaths(OpenAPI api) {
        Map<String, String> keptByShape = new LinkedHashMap<>();
        for (String path : new ArrayList<>(api.getPaths().keySet())) {
            String shape = VARIABLE.matcher(path).replaceAll("{}");
            String kept = keptByShape.putIfAbsent(shape, path);
            if (kept == null) {
                continue;
            }
            // The reads' names win: they are the ones the README and the links use.
            if (api.getPaths().get(path).getGet() != null) {
                keptByShape.put(shape, path);
                String moved = kept;
                kept = path;
                path = moved;
            }
            List<String> names = variables(kept);
            List<String> renamed = variables(path);
            PathItem into = api.getPaths().get(kept);
            api.getPaths().remove(path).readOperationsMap().forEach((method, operation) -> {
                if (operation.getParameters() != null) {
                    // New parameter objects: springdoc may share one between operations.
                    operation.setParameters(operation.getParameters().stream().map(p -> !"path".equals(p.getIn()) ? p
                            : new Parameter().in("path").name(names.get(renamed.indexOf(p.getName()))).required(true)
                                    .schema(p.getSchema()).description(p.getDescription()).example(p.getExample()))
                            .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
                }
                into.operation(method, operation);
            });
        }
    }

    private static List<String> variables(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String describe(String status) {
        return switch (status) {
            case "201" -> "Created; Location names the new resource";
            case "200" -> "OK";
            default -> HttpStatus.valueOf(Integer.parseInt(status)).getReasonPhrase();
        };
    }

    /** CSV and Markdown are text, not the JSON schema springdoc gives every type a handler produces. */
    private static void textAsString(ApiResponse response) {
        if (response.getContent() != null) {
            // A new media type object: springdoc shares one between all the types of a response.
            response.getContent().replaceAll((type, media) -> TEXT_TYPES.contains(type)
                    ? new MediaType().schema(new JsonSchema().types(Set.of("string")))
                    : JSON_LD.equals(type) ? new MediaType().schema(new JsonSchema().types(Set.of("object"))
                            .description("A JSON-LD document (schema.org, W3C Web Annotation) with its context inline"))
                    : media);
        }
    }

    private static ApiResponse copyOf(ApiResponse response) {
        ApiResponse copy = new ApiResponse().description(response.getDescription());
        if (response.getContent() != null) {
            Content content = new Content();
            response.getContent().forEach(content::addMediaType);
            copy.setContent(content);
        }
        return copy;
    }

    /**
     * A JSON Merge Patch body is the PUT body with every field optional and nullable (null removes a value): its
     * schema is made from the PUT's, named {@code ...Patch}.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void typeMergePatch(OpenAPI api, String path, Operation patch) {
        // The PUT's body, or the body the PATCH names itself where the resource has no PUT.
        Schema putBody = bodyRef(api.getPaths().get(path).getPut());
        if (putBody == null) {
            putBody = bodyRef(patch);
        }
        if (putBody == null || !putBody.get$ref().endsWith("Request")) {
            return;
        }
        String requestName = putBody.get$ref().substring(REF.length());
        Schema request = api.getComponents().getSchemas().get(requestName);
        if (request == null) {
            return;
        }
        String patchName = requestName.replaceFirst("Request$", "") + "Patch";
        if (!api.getComponents().getSchemas().containsKey(patchName)) {
            Schema schema = new JsonSchema().types(Set.of("object"))
                    .description("A JSON Merge Patch (RFC 7396) of a " + requestName + ": the fields to change; null"
                            + " removes a value.");
            Map<String, Schema> properties = new LinkedHashMap<>();
            if (request.getProperties() != null) {
                ((Map<String, Schema>) request.getProperties()).forEach((name, property) ->
                        properties.put(name, RecordSchemas.orNull(copyOf(property))));
            }
            schema.setProperties(properties);
            schema.setAdditionalProperties(false);
            api.getComponents().addSchemas(patchName, schema);
        }
        Content content = new Content();
        for (String type : List.of(MERGE_PATCH, org.springframework.http.MediaType.APPLICATION_JSON_VALUE)) {
            content.addMediaType(type, new MediaType().schema(new JsonSchema().$ref(REF + patchName)));
        }
        patch.getRequestBody().setContent(content);
    }

    @SuppressWarnings("rawtypes")
    private static Schema bodyRef(Operation operation) {
        return operation == null || operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
                ? null : operation.getRequestBody().getContent().values().stream().map(MediaType::getSchema)
                        .filter(s -> s != null && s.get$ref() != null).findFirst().orElse(null);
    }

    /** A copy of a property's schema, so that making it nullable leaves the request's own schema as it is. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema copyOf(Schema property) {
        Schema copy = new JsonSchema();
        copy.set$ref(property.get$ref());
        copy.setTypes(property.getTypes() == null ? null : new java.util.LinkedHashSet<>(property.getTypes()));
        copy.setType(property.getType());
        copy.setFormat(property.getFormat());
        copy.setEnum(property.getEnum() == null ? null : new ArrayList<>(property.getEnum()));
        copy.setItems(property.getItems());
        copy.setProperties(property.getProperties());
        copy.setDescription(property.getDescription());
        copy.setMinLength(property.getMinLength());
        copy.setMaxLength(property.getMaxLength());
        copy.setPattern(property.getPattern());
        copy.setMinimum(property.getMinimum());
        copy.setMaximum(property.getMaximum());
        copy.setMinItems(property.getMinItems());
        copy.setMaxItems(property.getMaxItems());
        copy.setUniqueItems(property.getUniqueItems());
        if (property.getExample() != null) {
            copy.setExample(property.getExample());
        }
        return copy;
    }

    private static ApiResponse problem(int status) {
        ApiResponse response = new ApiResponse().description(HttpStatus.valueOf(status).getReasonPhrase())
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new JsonSchema().$ref(REF + PROBLEM))));
        withHeaders(response, "X-Request-Id");
        if (status == 429 || status == 503) {
            withHeaders(response, "Retry-After");
        }
        return response;
    }

    private static ApiResponse withHeaders(ApiResponse response, String... names) {
        for (String name : names) {
            response.addHeaderObject(name, new Header().$ref(HEADER_REF + name));
        }
        return response;
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("ETag", header("The version of the representation: its part before the dash is the resource's"
                + " version; send it in If-Match to change the resource, in If-None-Match to revalidate", "\"3-5f2c1a\""));
        headers.put("Location", header("Where the new resource lives", "/api/findings/42"));
        headers.put("Link", header("The next page (rel=\"next\"), when there is one",
                "</api/findings?page=1&size=20>; rel=\"next\""));
        headers.put("X-Total-Count", new Header().description("How many items all pages hold together")
                .schema(new JsonSchema().types(Set.of("integer")).format("int64")).example(42));
        headers.put("Retry-After", new Header().description("Seconds to wait before asking again")
                .schema(new JsonSchema().types(Set.of("integer"))).example(30));
        headers.put("X-Request-Id", header("The request's id (the client's own, if it sent a sensible one), also in"
                + " every log line written while serving it", "4f1c2b9e-8d0a-4f3e-9b7c-2a6d5e8f1c3b"));
        return headers;
    }

    private static Header header(String description, String example) {
        return new Header().description(description).schema(new JsonSchema().types(Set.of("string"))).example(example);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema(Components components) {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new JsonSchema().types(Set.of("string")).format("uri-reference")
                .description("A stable URI naming the problem; clients may switch on it").example("/problems/not-found"));
        properties.put("title", new JsonSchema().types(Set.of("string")).example("Not Found"));
        properties.put("status", new JsonSchema().types(Set.of("integer")).example(404));
        properties.put("detail", new JsonSchema().types(Set.of("string"))
                .example("No finding with id 999999 exists."));
        properties.put("instance", new JsonSchema().types(Set.of("string")).format("uri-reference")
                .description("The path of the request").example("/api/findings/999999"));
        Map<String, Schema> error = new LinkedHashMap<>();
        error.put("field", new JsonSchema().types(Set.of("string")).description("the body field at fault"));
        error.put("parameter", new JsonSchema().types(Set.of("string")).description("the parameter at fault"));
        error.put("message", new JsonSchema().types(Set.of("string")).description("what is wrong with it"));
        properties.put("errors", new JsonSchema().types(Set.of("array")).description("What is wrong with each field or"
                + " parameter, on a validation error").items(new JsonSchema().$ref(REF + PROBLEM_ERROR)));
        components.addSchemas(PROBLEM_ERROR, new JsonSchema().types(Set.of("object")).properties(error)
                .required(List.of("message")).description("What is wrong with one field or parameter"));
        return new JsonSchema().types(Set.of("object")).description("An RFC 9457 problem detail; some problems add"
                + " members of their own (a stale write names the current version)")
                .properties(properties).required(List.of("type", "title", "status"));
    }

    /** Schemas only the dropped parameters or bodies used (Spring's MediaType, Jackson's JsonNode). */
    private static void dropUnusedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> used = new HashSet<>();
        List<String> pending = new ArrayList<>(referencedNames(Json31.pretty(api.getPaths())));
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (used.add(name) && schemas.containsKey(name)) {
                pending.addAll(referencedNames(Json31.pretty(schemas.get(name))));
            }
        }
        schemas.keySet().removeIf(name -> !used.contains(name));
    }

    private static Set<String> referencedNames(String json) {
        Set<String> names = new HashSet<>();
        Matcher m = SCHEMA_REF.matcher(json);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
