package org.findingskb.shared;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Text in request bodies refuses the NUL character with a 400 naming the field: PostgreSQL cannot store it, so it
 * would otherwise fail only at the database, and H2 would store what PostgreSQL refuses. A field that normalises
 * its text itself (an article's) opts out with {@code @JsonDeserialize(using = StringDeserializer.class)}.
 */
@JacksonComponent
public class NulFreeStrings extends StringDeserializer {

    static final String MESSAGE = "contains a NUL character (\\u0000), which no text field accepts";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
        }
        return value;
    }

    /** The message for a field refused here, or {@code null} when {@code e} is about something else. */
    public static String refusal(Throwable e) {
        return e instanceof InvalidFormatException f && MESSAGE.equals(f.getOriginalMessage()) ? MESSAGE : null;
    }
}
