package org.findingskb.shared;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Text in request bodies: refuses the NUL character and lone UTF-16 surrogates with a 400 naming the field, and
 * drops bidirectional controls and zero-width characters (see {@link Texts#withoutInvisibles}). PostgreSQL cannot
 * store NUL, so it would otherwise fail only at the database (and H2 would store what PostgreSQL refuses); a lone
 * surrogate is no character, and a page showing one crashed a browser. A field that normalises its text itself
 * (an article's) opts out with {@code @JsonDeserialize(using = StringDeserializer.class)}.
 */
@JacksonComponent
public class NulFreeStrings extends StringDeserializer {

    static final String MESSAGE = "contains a NUL character (\\u0000), which no text field accepts";
    static final String SURROGATE = "contains half of a UTF-16 surrogate pair without the other half, which is no character";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
        }
        if (value != null && Texts.hasLoneSurrogate(value)) {
            throw InvalidFormatException.from(parser, SURROGATE, value, String.class);
        }
        return Texts.withoutInvisibles(value);
    }

    /** The message for a field refused here, or {@code null} when {@code e} is about something else. */
    public static String refusal(Throwable e) {
        return e instanceof InvalidFormatException f && (MESSAGE.equals(f.getOriginalMessage())
                || SURROGATE.equals(f.getOriginalMessage())) ? f.getOriginalMessage() : null;
    }
}
