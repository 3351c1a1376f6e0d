package org.slmhub.index;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One search: free text (or Lucene query syntax), exact filters (values of one facet are
 * alternatives, different facets must all hold), numeric ranges, an order and a page size.
 *
 * @param text   what the person typed; blank lists every model that passes the filters
 * @param facets whether to count the facet values of the whole result set
 */
public record SearchRequest(String text, Map<ModelFacet, List<String>> filters, Map<ModelNumber, Range> ranges,
                            SortOrder sort, int limit, boolean facets) {

    public SearchRequest {
        text = text == null ? "" : text.trim();
        filters = Map.copyOf(filters);
        ranges = Map.copyOf(ranges);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /** Inclusive bounds; {@code Long.MIN_VALUE} or {@code Long.MAX_VALUE} leave a side open. */
    public record Range(long min, long max) {
        public static Range atLeast(long min) {
            return new Range(min, Long.MAX_VALUE);
        }

        public static Range atMost(long max) {
            return new Range(Long.MIN_VALUE, max);
        }
    }

    public static Builder builder(String text) {
        return new Builder(text);
    }

    public boolean hasText() {
        return !text.isEmpty();
    }

    public static final class Builder {
        private final String text;
        private final Map<ModelFacet, List<String>> filters = new EnumMap<>(ModelFacet.class);
        private final Map<ModelNumber, Range> ranges = new EnumMap<>(ModelNumber.class);
        private SortOrder sort = SortOrder.RELEVANCE;
        private int limit = 10;
        private boolean facets;

        private Builder(String text) {
            this.text = text;
        }

        /** Adds a value to a filter; several values of one facet match any of them. */
        public Builder filter(ModelFacet facet, String value) {
            filters.computeIfAbsent(facet, f -> new ArrayList<>()).add(value);
            return this;
        }

        /** Narrows a range; either bound may be null to leave it as it is. */
        public Builder range(ModelNumber number, Long min, Long max) {
            if (min == null && max == null) {
                return this;
            }
            Range old = ranges.getOrDefault(number, new Range(Long.MIN_VALUE, Long.MAX_VALUE));
            ranges.put(number, new Range(min == null ? old.min() : Math.max(old.min(), min), max == null ? old.max() : Math.min(old.max(), max)));
            return this;
        }

        public Builder sort(SortOrder sort) {
            this.sort = sort;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder facets(boolean facets) {
            this.facets = facets;
            return this;
        }

        public SearchRequest build() {
            return new SearchRequest(text, filters, ranges, sort, limit, facets);
        }
    }
}
