package org.findingskb.web.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.NullUnmarked;
import org.jspecify.annotations.Nullable;

/**
 * How the records this API answers with appear in its OpenAPI document, so that a generated client gets them right:
 * <ul>
 * <li>A record nested in another is named after both ({@code FindingResponse.Evidence} is {@code FindingEvidence},
 * {@code FindingRequest.Evidence} is {@code FindingRequestEvidence}): two records of one simple name no longer
 * collide, where one of them silently replaced the other.</li>
 * <li>A response record writes every component, so every one is {@code required} (but those it leaves out when
 * empty, {@code @JsonInclude}).</li>
 * <li>A component that may be null has {@code "null"} among its types (OpenAPI 3.1). JSpecify says which: in a
 * {@code @NullMarked} record only {@code @Nullable} components may be null; in any other record every reference
 * may be.</li>
 * </ul>
 * Request records ({@code ...Request}) are left as they are: there, {@code required} is what a client must send,
 * which their validation annotations already say.
 */
class RecordSchemas implements ModelConverter {

    private static final String RESPONSE = "Response";

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        JavaType javaType = Json.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (raw.isRecord() && isRepresentation(raw.getEnclosingClass()) && (type.getName() == null || type.getName().isBlank())) {
            type.name(nestedName(raw));
        }
        Schema schema = chain.next().resolve(type, context, chain);
        // Further converters may answer with a reference to the model they defined.
        Schema model = schema != null && schema.get$ref() != null
                ? context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1))
                : schema;
        if (model != null && raw.isRecord() && model.getProperties() != null && !isRequest(raw)) {
            describeComponents(raw, model);
        }
        return schema;
    }

    static String nestedName(Class<?> nested) {
        String outer = nested.getEnclosingClass().getSimpleName();
        if (outer.endsWith(RESPONSE) && outer.length() > RESPONSE.length()) {
            outer = outer.substring(0, outer.length() - RESPONSE.length());
        }
        return outer + nested.getSimpleName();
    }

    /** A request or response record, whose nested records are named after it. */
    private static boolean isRepresentation(Class<?> type) {
        return type != null && (type.isRecord() || type.getSimpleName().endsWith(RESPONSE)
                || type.getSimpleName().endsWith("Request"));
    }

    private static boolean isRequest(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.getSimpleName().endsWith("Request")) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeComponents(Class<?> record, Schema schema) {
        List<String> required = new ArrayList<>();
        describeComponents(record, schema.getProperties(), required);
        schema.setRequired(required.isEmpty() ? null : required);
    }

    /** The components of {@code record}, and of the records it unwraps ({@code @JsonUnwrapped}) into its own. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeComponents(Class<?> record, Map<String, Schema> properties, List<String> required) {
        boolean marked = nullMarked(record);
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class) && component.getType().isRecord()) {
                describeComponents(component.getType(), properties, required);
                continue;
            }
            String name = component.getName();
            Schema property = properties.get(name);
            if (property == null) {
                continue;
            }
            if (!omittedWhenEmpty(record, component)) {
                required.add(name);
            }
            if (mayBeNull(component, marked)) {
                properties.put(name, orNull(property));
            }
        }
    }

    /** JSpecify's scope: the innermost {@code @NullMarked} or {@code @NullUnmarked} class, else the package. */
    private static boolean nullMarked(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.isAnnotationPresent(NullMarked.class)) {
                return true;
            }
            if (c.isAnnotationPresent(NullUnmarked.class)) {
                return false;
            }
        }
        return type.getPackage() != null && type.getPackage().isAnnotationPresent(NullMarked.class);
    }

    private static boolean omittedWhenEmpty(Class<?> record, RecordComponent component) {
        // Jackson's annotations do not target record components: Java puts them on the accessor and the field.
        JsonInclude include = component.getAccessor().getAnnotation(JsonInclude.class);
        if (include == null) {
            include = record.getAnnotation(JsonInclude.class);
        }
        return include != null && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    private static boolean mayBeNull(RecordComponent component, boolean nullMarked) {
        if (component.getType().isPrimitive()) {
            return false;
        }
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class) || !nullMarked;
    }

    /** The property, or null: a reference becomes {@code anyOf [ref, null]}, a value gains the type {@code null}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema orNull(Schema property) {
        if (property.get$ref() != null) {
            Schema ref = new JsonSchema().$ref(property.get$ref());
            Schema wrapped = new JsonSchema().anyOf(List.of(ref, new JsonSchema().types(Set.of("null"))));
            wrapped.setDescription(property.getDescription());
            return wrapped;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty() || types.contains("null")) {
            return property;
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
