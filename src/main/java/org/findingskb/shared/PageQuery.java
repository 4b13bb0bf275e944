package org.findingskb.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Paging and sorting as the API accepts them: {@code page} (0-based), {@code size} (default 20, at most 100:
 * larger is served as 100) and {@code sort=field,asc|desc} (repeatable) over the fields a resource allows.
 */
public record PageQuery(
        @Parameter(description = "0-based page number") Integer page,
        @Parameter(description = "page size, 1 to 100 (larger values are served as 100)") Integer size,
        @Parameter(description = "field,asc|desc; repeatable") List<String> sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageQuery {
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    public static PageQuery firstPage() {
        return new PageQuery(0, DEFAULT_SIZE, List.of());
    }

    public int pageNumber() {
        return page == null ? 0 : page;
    }

    public int pageSize() {
        return size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
    }

    public boolean isSorted() {
        return !sort.isEmpty();
    }

    /** A requested sort key: an API field name and its direction. */
    public record Order(String field, boolean descending) {
    }

    /** The sort asked for, each field checked against {@code sortable}; empty when none is asked for. */
    public List<Order> orders(java.util.Collection<String> sortable) {
        List<Order> orders = new ArrayList<>();
        for (String value : sort) {
            String[] parts = value.split(",", -1);
            String field = parts[0].strip();
            if (!sortable.contains(field) || parts.length > 2 || (parts.length == 2 && parts[1].isBlank())) {
                throw InvalidParameter.of("sort", "must be field,asc or field,desc with field one of "
                        + String.join(", ", sortable) + "; '" + value + "' is not");
            }
            boolean descending = false;
            if (parts.length == 2) {
                descending = Sort.Direction.fromOptionalString(parts[1].strip().toUpperCase(Locale.ROOT))
                        .orElseThrow(() -> InvalidParameter.of("sort",
                                "direction must be asc or desc; '" + value + "' is not")).isDescending();
            }
            orders.add(new Order(field, descending));
        }
        return orders;
    }

    /**
     * The page to fetch, sorted as asked over {@code sortable} (API field name to entity property), or by
     * {@code fallback} when no sort is asked for.
     */
    public Pageable toPageable(Map<String, String> sortable, Sort fallback) {
        List<Sort.Order> orders = orders(sortable.keySet()).stream()
                .map(o -> new Sort.Order(o.descending() ? Sort.Direction.DESC : Sort.Direction.ASC, sortable.get(o.field())))
                .toList();
        Sort order = orders.isEmpty() ? fallback : Sort.by(orders).and(fallback);
        return PageRequest.of(pageNumber(), pageSize(), order);
    }

    /** Checks the numbers; the resolver calls it before a controller sees the query. */
    public PageQuery validated() {
        if (page != null && page < 0) {
            throw InvalidParameter.of("page", "must be 0 or more, not " + page);
        }
        if (size != null && size < 1) {
            throw InvalidParameter.of("size", "must be 1 or more, not " + size);
        }
        if ((long) pageNumber() * pageSize() > Integer.MAX_VALUE) {
            throw InvalidParameter.of("page", "is too large: page × size must stay below " + Integer.MAX_VALUE);
        }
        return this;
    }
}
