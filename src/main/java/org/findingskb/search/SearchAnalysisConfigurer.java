package org.findingskb.search;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.springframework.stereotype.Component;

/**
 * The analyzers the index uses: {@value #ENGLISH} for prose and {@value #FOLDED} for exact values compared
 * without regard to case or accents. Prose is stemmed lightly (plurals only: "neurons" finds "neuron"), so
 * that a typed prefix such as "ketamine*" still matches the indexed word.
 */
@Component("searchAnalysisConfigurer")
public class SearchAnalysisConfigurer implements LuceneAnalysisConfigurer {

    public static final String ENGLISH = "english";
    public static final String FOLDED = "folded";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(ENGLISH).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(EnglishPossessiveFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(EnglishMinimalStemFilterFactory.class);
        context.normalizer(FOLDED).custom()
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
    }
}
