package org.findingskb.shared;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON Merge Patch (RFC 7396) to a resource in the shape its PUT takes, then validates the result
 * as a PUT body would be: a PATCH can never store what a PUT would refuse.
 */
@Component
public class RequestBodies {

    private final JsonMapper json;
    private final Validator validator;

    RequestBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T patch(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw InvalidField.of("(body)", "must be a JSON object naming the fields to change");
        }
        ObjectNode merged = json.valueToTree(current);
        Set<String> known = Set.copyOf(merged.propertyNames());
        for (Map.Entry<String, JsonNode> change : patch.properties()) {
            if (!known.contains(change.getKey())) {
                throw InvalidField.of(change.getKey(), "is not a field of this resource that can be changed");
            }
            // A null removes the value (RFC 7396); an object merges into the object it changes; anything else replaces it.
            merged.set(change.getKey(), merge(merged.get(change.getKey()), change.getValue()));
        }
        T result;
        try {
            result = json.treeToValue(merged, type);
        } catch (JacksonException e) {
            throw InvalidField.of(e.getPath().isEmpty() ? "(body)" : e.getPath().get(0).getPropertyName(),
                    Objects.requireNonNullElse(NulFreeStrings.refusal(e), "has a value of the wrong type"));
        }
        return valid(result);
    }

    /** RFC 7396 inside a field: an object patch merges member by member, a null member removes it. */
    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject() || target == null || !target.isObject()) {
            return patch;
        }
        ObjectNode result = ((ObjectNode) target).deepCopy();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** {@code body} if it meets its constraints, else a 400 naming every field that does not. */
    public <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new Invalid(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage())).toList());
        }
        return body;
    }

    /** A body that breaks constraints, with every broken one. */
    static final class Invalid extends ApiException {
        Invalid(List<Map<String, String>> errors) {
            super(HttpStatus.BAD_REQUEST, "invalid-field", "Invalid request body",
                    "Invalid request: " + errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                            .reduce((a, b) -> a + "; " + b).orElse("") + ".", Map.of("errors", errors));
        }
    }
}
