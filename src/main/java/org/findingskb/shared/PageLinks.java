package org.findingskb.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a page of a list is ({@code self}) and where the next one is ({@code next}, absent on the last page):
 * the request as it came, with the next page's cursor where the page has one, else the next page number.
 */
@NullMarked
public record PageLinks(String self, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String next) {

    /** A page that can say where it and the next page are: the components of a page record. */
    public interface Linked<P> {

        java.util.List<?> content();

        Position page();

        /** The token of the next page, where the list pages by cursor. */
        @Nullable String cursor();

        /** The same page, carrying {@code links}. */
        P withLinks(PageLinks links);
    }

    /** Where a page stands in its list. */
    public interface Position {

        int size();

        long number();

        long totalPages();
    }

    /** The links of {@code page}, served for the current request. */
    public static PageLinks of(Linked<?> page) {
        String self = encoded(ServletUriComponentsBuilder.fromCurrentRequest());
        return new PageLinks(self, next(page));
    }

    private static @Nullable String next(Linked<?> page) {
        if (page.cursor() != null) {
            return encoded(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", page.cursor())
                    .replaceQueryParam("page"));
        }
        Position position = page.page();
        long next = position.number() + 1;
        // Lists that page by cursor give one wherever a next page exists; page numbers stop at the index's cap.
        boolean reachable = (next + 1) * position.size() <= IndexPager.MAX_OFFSET_HITS;
        if (page.content().size() < position.size() || next >= position.totalPages() || !reachable) {
            return null;
        }
        return encoded(ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", next));
    }

    /**
     * The URI with the request's query taken as it came, already encoded; encoding it again turned a '%22' into
     * '%2522' and the link into another query. A query Tomcat let through that is not validly encoded is encoded
     * once more rather than failing the page.
     */
    private static String encoded(UriComponentsBuilder uri) {
        try {
            return uri.build(true).toUriString();
        } catch (IllegalArgumentException notEncoded) {
            return uri.build().encode().toUriString();
        }
    }
}
