package org.findingskb.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.findingskb.source.SourceRepository.SourceRow;
import org.findingskb.shared.PageQuery;
import org.findingskb.shared.ResultPage;
import org.findingskb.shared.ReadCaching;

@Service
@Transactional(readOnly = true)
public class SourceService {

    private static final Map<String, String> SORTABLE = Map.of("id", "id", "title", "title",
            "publishedYear", "publishedYear");

    private final SourceRepository sources;
    private final SourceAnnotations annotations;

    SourceService(SourceRepository sources, SourceAnnotations annotations) {
        this.sources = sources;
        this.annotations = annotations;
    }

    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public ResultPage<SourceResponse> find(PageQuery pageQuery) {
        Pageable pageable = pageQuery.toPageable(SORTABLE, Sort.by("id"));
        var rows = sources.findRows(pageable);
        Map<Long, List<Long>> studyIds = studyIds(rows.getContent().stream().map(SourceRow::id).toList());
        return ResultPage.of(rows.map(row -> SourceResponse.of(row, studyIds.getOrDefault(row.id(), List.of()))));
    }

    @Cacheable(cacheNames = ReadCaching.CACHE, keyGenerator = ReadCaching.KEYS)
    public SourceDetailResponse get(long id) {
        return detail(sources.load(id));
    }

    /** One source with its text and annotations, as it stands in the current transaction. */
    SourceDetailResponse detail(SourceDocument source) {
        long id = source.getId();
        return new SourceDetailResponse(summary(id), source.getContent(), annotations.of(id), source.getVersion());
    }

    /** One source as lists show it, without its text. */
    public SourceResponse summary(long id) {
        SourceRow row = sources.findRows(List.of(id)).stream().findFirst().orElseThrow(() -> SourceNotFound.withId(id));
        return SourceResponse.of(row, studyIds(List.of(id)).getOrDefault(id, List.of()));
    }

    /** Sources as other resources cite them, without loading their text. */
    public Map<Long, SourceRef> refs(Collection<Long> ids) {
        Map<Long, SourceRef> refs = new HashMap<>();
        if (!ids.isEmpty()) {
            sources.findRows(ids).forEach(row -> refs.put(row.id(),
                    new SourceRef(row.id(), row.title(), row.publisher(), row.publishedYear())));
        }
        return refs;
    }

    private Map<Long, List<Long>> studyIds(Collection<Long> sourceIds) {
        Map<Long, List<Long>> ids = new HashMap<>();
        if (!sourceIds.isEmpty()) {
            for (Object[] row : sources.findStudyIds(sourceIds)) {
                ids.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((Long) row[1]);
            }
        }
        return ids;
    }

    /** How a study cites its source. */
    public record SourceRef(Long id, String title, String publisher, Integer publishedYear) {
    }
}
