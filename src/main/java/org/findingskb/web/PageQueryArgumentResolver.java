package org.findingskb.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import org.findingskb.shared.InvalidParameter;
import org.findingskb.shared.PageQuery;

/** Reads {@link PageQuery} from {@code page}, {@code size} and {@code sort}, refusing values it cannot use. */
class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == PageQuery.class;
    }

    @Override
    public PageQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String[] sort = request.getParameterValues("sort");
        return new PageQuery(wholeNumber(request, "page"), wholeNumber(request, "size"),
                sort == null ? List.of() : Arrays.stream(sort).filter(s -> !s.isBlank()).toList())
                .validated();
    }

    private static Integer wholeNumber(NativeWebRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return null;
        }
        if (values.length > 1) {
            throw InvalidParameter.of(name, "may be given once, not " + values.length + " times");
        }
        try {
            return Integer.valueOf(values[0].strip());
        } catch (NumberFormatException e) {
            throw InvalidParameter.of(name, "must be a whole number, not '" + values[0] + "'");
        }
    }
}
