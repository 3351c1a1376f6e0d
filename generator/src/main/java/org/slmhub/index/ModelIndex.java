package org.slmhub.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.TooManyClauses;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * An open search index: checks on opening that it is one this slmhub can read, then answers
 * searches. Open once and search many times, from any thread; close it when done.
 */
public final class ModelIndex implements AutoCloseable {
    /** Values listed per facet; the rest are left out of the counts shown. */
    public static final int FACET_VALUES = 10;

    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final IndexInfo info;
    private final Analyzer analyzer = ModelAnalyzers.forQueries();
    private final TextQueries textQueries = new TextQueries(analyzer);
    private volatile FacetCounts facetCounts; // read on the first search that asks for facets

    private ModelIndex(DirectoryReader reader, IndexInfo info) {
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        this.info = info;
    }

    /** Opens the index in a folder; a missing, damaged or incompatible index is a one-line IndexException. */
    public static ModelIndex open(Path dir) throws IndexException {
        String where = dir.toString();
        if (!Files.isDirectory(dir)) {
            throw IndexException.missing(where);
        }
        DirectoryReader reader;
        try {
            Directory directory = FSDirectory.open(dir);
            if (!DirectoryReader.indexExists(directory)) {
                directory.close();
                throw IndexException.missing(where);
            }
            reader = DirectoryReader.open(directory);
        } catch (IndexFormatTooOldException | IndexFormatTooNewException e) {
            throw IndexException.incompatible(where, "was written by another Lucene version");
        } catch (CorruptIndexException e) {
            throw IndexException.incompatible(where, "is damaged (" + e.getMessage().lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.OTHER, "cannot read the search index at " + where + ": " + e.getMessage(), e);
        }
        IndexInfo info;
        try {
            info = IndexInfo.fromUserData(reader.getIndexCommit().getUserData());
        } catch (IOException e) {
            closeQuietly(reader);
            throw new IndexException(IndexException.Kind.OTHER, "cannot read the search index at " + where + ": " + e.getMessage(), e);
        }
        if (!info.compatible()) {
            closeQuietly(reader);
            throw IndexException.incompatible(where, "has index format " + info.format() + " for manifest schema " + info.schema()
                    + ", and this slmhub reads format " + IndexInfo.FORMAT + " for schema " + IndexInfo.SCHEMA);
        }
        return new ModelIndex(reader, info);
    }

    public IndexInfo info() {
        return info;
    }

    /** Models in the index. */
    public int size() {
        return reader.numDocs();
    }

    public SearchResult search(SearchRequest request) throws IndexException {
        boolean syntax = QuerySyntax.isSyntax(request.text());
        List<String> words = syntax ? List.of() : TextQueries.words(request.text());
        try {
            Query filters = SearchFilters.of(request);
            Query text = syntax ? QuerySyntax.parse(request.text(), analyzer) : words.isEmpty() ? null : textQueries.strict(words);
            SearchResult result = run(SearchFilters.combine(text, filters), request, text != null, false);
            if (result.total() == 0 && !words.isEmpty()) {
                result = run(SearchFilters.combine(textQueries.relaxed(words), filters), request, true, true);
            }
            if (result.total() > 0) {
                return result;
            }
            return result.withSuggestions(new Suggestions(reader, searcher, textQueries).forNothingFound(request, words));
        } catch (TooManyClauses e) {
            throw new IndexException(IndexException.Kind.QUERY, "the query `" + request.text() + "` expands to too many terms; make wildcards longer");
        } catch (IOException e) {
            throw new IndexException(IndexException.Kind.OTHER, "cannot read the search index: " + e.getMessage(), e);
        }
    }

    private SearchResult run(Query query, SearchRequest request, boolean scored, boolean relaxed) throws IOException {
        // By relevance, Lucene's own collector skips blocks that cannot make the top N; ties keep index (name) order.
        Sort sort = scored && request.sort() == SortOrder.RELEVANCE ? null : SearchFilters.sort(request.sort(), scored);
        TopDocs top = sort == null ? searcher.search(query, request.limit()) : searcher.search(query, request.limit(), sort, scored);
        Map<ModelFacet, List<SearchResult.FacetCount>> facets = new EnumMap<>(ModelFacet.class);
        long total = top.totalHits.value;
        boolean exact = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        if (request.facets()) {
            // A second pass without scores: cheaper than scoring every hit to find the top N.
            if (facetCounts == null) {
                facetCounts = FacetCounts.load(reader);
            }
            FacetCounts.Counter counter = searcher.search(new ConstantScoreQuery(query), facetCounts.counting());
            facets = counter.top(FACET_VALUES);
            total = counter.hits();
            exact = true;
        }
        StoredFields stored = searcher.storedFields();
        List<ModelHit> hits = new ArrayList<>();
        for (ScoreDoc d : top.scoreDocs) {
            hits.add(ModelHit.of(stored.document(d.doc), scored && !Float.isNaN(d.score) ? d.score : 0f));
        }
        return new SearchResult(total, exact, hits, relaxed, facets, List.of());
    }

    @Override
    public void close() throws IOException {
        try (Directory directory = reader.directory()) {
            reader.close();
        }
    }

    private static void closeQuietly(DirectoryReader reader) {
        try {
            reader.close();
            reader.directory().close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }
}
