package org.findingskb.shared;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.data.domain.Page;

/**
 * A page of a list, in the shape of Spring Data's {@code PagedModel}, plus an opaque {@code cursor} that fetches
 * the next page (absent on the last page) and {@code links} to this page and the next. Cursors also reach past the
 * first 10,000 results, which offset pages do not. Links depend on the request, so the web layer adds them to the
 * page a service returns (which may come from the read cache).
 */
@NullMarked
public record ResultPage<T>(
        List<T> content,
        Metadata page,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String cursor,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PageLinks links)
        implements WeaklyValidated, PageLinks.Linked<ResultPage<T>> {

    public ResultPage(List<T> content, Metadata page, @Nullable String cursor) {
        this(content, page, cursor, null);
    }

    public record Metadata(int size, long number, long totalElements, long totalPages) implements PageLinks.Position {

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
        return new ResultPage<>(content.stream().<R>map(mapper).toList(), page, cursor, links);
    }

    @Override
    public ResultPage<T> withLinks(PageLinks links) {
        return new ResultPage<>(content, page, cursor, links);
    }
}
