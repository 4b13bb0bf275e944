package org.findingskb.shared;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.data.domain.Page;

/**
 * A page of a list, in the shape of Spring Data's {@code PagedModel}, plus an opaque {@code cursor} that fetches
 * the next page (absent on the last page). Cursors also reach past the first 10,000 results, which offset pages
 * do not.
 */
@NullMarked
public record ResultPage<T>(
        List<T> content,
        Metadata page,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String cursor) {

    public record Metadata(int size, long number, long totalElements, long totalPages) {

        public static Metadata of(int size, long number, long totalElements) {
            return new Metadata(size, number, totalElements, size == 0 ? 0 : (totalElements + size - 1) / size);
        }
    }

    public static <T> ResultPage<T> of(Page<T> page) {
        return new ResultPage<>(page.getContent(),
                Metadata.of(page.getSize(), page.getNumber(), page.getTotalElements()), null);
    }

    public static <T> ResultPage<T> empty(int size) {
        return new ResultPage<>(List.of(), Metadata.of(size, 0, 0), null);
    }

    public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
        return new ResultPage<>(content.stream().<R>map(mapper).toList(), page, cursor);
    }
}
