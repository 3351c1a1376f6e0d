package org.slmhub.index;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total       matching models; a lower bound when {@code totalExact} is false (Lucene stops
 *                    counting past 1,000 unless facets are asked for)
 * @param relaxed     no model matched every word, so these match some words or close spellings
 * @param facets      per facet, its values and counts over the whole result set, most frequent first;
 *                    empty unless asked for
 * @param suggestions when nothing matched: words and filter values that do exist, closest first
 */
public record SearchResult(long total, boolean totalExact, List<ModelHit> hits, boolean relaxed,
                           Map<ModelFacet, List<FacetCount>> facets, List<Suggestion> suggestions) {

    SearchResult withSuggestions(List<Suggestion> found) {
        return new SearchResult(total, totalExact, hits, relaxed, facets, List.copyOf(found));
    }

    public record FacetCount(String value, long count) {
    }

    /**
     * @param facet   the filter whose value matched nothing, or null for a word of the text
     * @param typed   what was typed
     * @param closest existing words or values, closest first (may be empty)
     */
    public record Suggestion(ModelFacet facet, String typed, List<String> closest) {
    }
}
