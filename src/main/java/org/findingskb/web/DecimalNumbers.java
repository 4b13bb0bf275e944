package org.findingskb.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids and numbers in paths and parameters are decimal digits (with an optional minus), nothing else. Spring's
 * default number editor also reads "0x10", "#10" and "+16" as numbers, so one finding had several addresses;
 * an editor, unlike a converter, is what the binder tries last, so it has to be replaced here.
 */
@ControllerAdvice
class DecimalNumbers {

    @InitBinder
    void decimalOnly(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new Decimal(Long::valueOf));
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf));
        binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf));
    }

    /** {@code value} when it is written in decimal digits with an optional minus; else refused. */
    static String decimal(String value) {
        String digits = value.startsWith("-") ? value.substring(1) : value;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException("not a decimal number: " + value);
        }
        return value;
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final Function<String, Number> parse;

        Decimal(Function<String, Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            // Blank stays "not given", as with Spring's own editor for optional parameters.
            setValue(text == null || text.isBlank() ? null : parse.apply(decimal(text)));
        }
    }
}
