package org.slmhub.index;

import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/** The non-scoring parts of a search: exact filters, numeric ranges, and the sort order. */
final class SearchFilters {
    private SearchFilters() {
    }

    /** Values of one facet are alternatives; facets and ranges must all hold. Null when there is nothing to filter. */
    static Query of(SearchRequest request) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (Map.Entry<ModelFacet, List<String>> filter : request.filters().entrySet()) {
            BooleanQuery.Builder oneOf = new BooleanQuery.Builder();
            for (String value : filter.getValue()) {
                oneOf.add(new TermQuery(new Term(filter.getKey().field(), ModelFacet.term(value))), Occur.SHOULD);
            }
            all.add(oneOf.build(), Occur.FILTER);
            any = true;
        }
        for (Map.Entry<ModelNumber, SearchRequest.Range> range : request.ranges().entrySet()) {
            all.add(LongPoint.newRangeQuery(range.getKey().field(), range.getValue().min(), range.getValue().max()), Occur.FILTER);
            any = true;
        }
        return any ? all.build() : null;
    }

    /** @param main the text query, or null to list every model the filters admit */
    static Query combine(Query main, Query filters) {
        if (main == null) {
            return filters == null ? new MatchAllDocsQuery() : filters;
        }
        if (filters == null) {
            return main;
        }
        return new BooleanQuery.Builder().add(main, Occur.MUST).add(filters, Occur.FILTER).build();
    }

    /** Every order ends with name then id, so equal values come out the same way each time. */
    static Sort sort(SortOrder order, boolean scored) {
        SortField byName = new SortField(IndexFields.NAME_SORT, SortField.Type.STRING);
        return switch (order) {
            case RELEVANCE -> scored ? new Sort(SortField.FIELD_SCORE, byName) : new Sort(byName);
            case PARAMS -> new Sort(number(ModelNumber.PARAMS, false), byName);
            case SIZE -> new Sort(number(ModelNumber.SIZE, false), byName);
            case NEWEST -> new Sort(number(ModelNumber.ADDED, true), byName);
            case UPDATED -> new Sort(number(ModelNumber.UPDATED, true), byName);
            case NAME -> new Sort(byName);
        };
    }

    /** Models without the value (no Git dates, no files) sort last either way. */
    private static SortField number(ModelNumber number, boolean newestFirst) {
        SortField field = new SortField(number.field(), SortField.Type.LONG, newestFirst);
        field.setMissingValue(newestFirst ? Long.MIN_VALUE : Long.MAX_VALUE);
        return field;
    }
}
