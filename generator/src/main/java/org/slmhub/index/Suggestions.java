package org.slmhub.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.FuzzyTermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

/**
 * When nothing matched: for each filter value and word that the index does not hold, the
 * existing terms within two edits, most similar first, then most common.
 */
final class Suggestions {
    private static final int MAX = 3;
    /** Unstemmed fields, so a suggestion is a word a person can type back. */
    private static final List<String> WORD_FIELDS = List.of(IndexFields.NAME, IndexFields.ID_WORDS, ModelFacet.TAG.field(), ModelFacet.ARCH.field());

    private final IndexReader reader;
    private final IndexSearcher searcher;
    private final TextQueries textQueries;

    Suggestions(IndexReader reader, IndexSearcher searcher, TextQueries textQueries) {
        this.reader = reader;
        this.searcher = searcher;
        this.textQueries = textQueries;
    }

    /** Filter values no model has, then words that match nowhere on their own; each with what exists. */
    List<SearchResult.Suggestion> forNothingFound(SearchRequest request, List<String> words) throws IOException {
        List<SearchResult.Suggestion> found = new ArrayList<>();
        for (Map.Entry<ModelFacet, List<String>> filter : request.filters().entrySet()) {
            for (String value : filter.getValue()) {
                if (reader.docFreq(new Term(filter.getKey().field(), ModelFacet.term(value))) == 0) {
                    found.add(forFilter(filter.getKey(), value));
                }
            }
        }
        for (String word : words) {
            if (searcher.count(textQueries.strict(List.of(word))) == 0) {
                found.add(forWord(word));
            }
        }
        return found;
    }

    /** The closest values of the same filter. */
    private SearchResult.Suggestion forFilter(ModelFacet facet, String value) throws IOException {
        return new SearchResult.Suggestion(facet, value, closest(List.of(facet.field()), ModelFacet.term(value)));
    }

    /** The closest words of names, ids, tags and architectures. */
    private SearchResult.Suggestion forWord(String word) throws IOException {
        return new SearchResult.Suggestion(null, word, closest(WORD_FIELDS, ModelFacet.term(word)));
    }

    private List<String> closest(List<String> fields, String typed) throws IOException {
        Map<String, Candidate> found = new HashMap<>();
        for (String field : fields) {
            Terms terms = MultiTerms.getTerms(reader, field);
            if (terms == null || typed.isEmpty()) {
                continue;
            }
            FuzzyTermsEnum similar = new FuzzyTermsEnum(terms, new Term(field, typed), Math.min(2, Math.max(1, typed.length() / 3)), 0, true);
            for (BytesRef t = similar.next(); t != null; t = similar.next()) {
                String text = t.utf8ToString();
                if (!text.equals(typed)) {
                    found.merge(text, new Candidate(text, similar.getBoost(), similar.docFreq()), Candidate::merge);
                }
            }
        }
        List<Candidate> ranked = new ArrayList<>(found.values());
        ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.similarity).thenComparingInt(c -> -c.docFreq).thenComparing(c -> c.text));
        Set<String> out = new LinkedHashSet<>();
        ranked.stream().limit(MAX).forEach(c -> out.add(c.text));
        return List.copyOf(out);
    }

    private record Candidate(String text, float similarity, int docFreq) {
        Candidate merge(Candidate other) {
            return new Candidate(text, Math.max(similarity, other.similarity), docFreq + other.docFreq);
        }
    }
}
