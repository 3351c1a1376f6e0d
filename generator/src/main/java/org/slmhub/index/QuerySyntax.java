package org.slmhub.index;

import org.slmhub.catalog.HumanUnits;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.slmhub.validate.ClosestMatch;

/**
 * Lucene's classic query syntax for power users: {@code license:mit AND arch:llama},
 * {@code "chat model"}, {@code params:[100M TO 1B]}, {@code qwen*}. Words without a field search
 * the text fields with their boosts; the filter and number fields go by their option names.
 */
final class QuerySyntax {
    private static final Pattern SYNTAX = Pattern.compile("[:\"()\\[\\]{}*~^]|\\b(AND|OR|NOT)\\b|(^|\\s)[+-]\\S");

    private QuerySyntax() {
    }

    /** Plain words are free text; a field, quote, bracket, operator or wildcard means query syntax. */
    static boolean isSyntax(String text) {
        return SYNTAX.matcher(text).find();
    }

    static Query parse(String text, Analyzer analyzer) throws IndexException {
        String[] fields = IndexFields.TEXT_BOOSTS.keySet().toArray(String[]::new);
        Parser parser = new Parser(fields, analyzer);
        parser.setDefaultOperator(MultiFieldQueryParser.Operator.AND);
        Query query;
        try {
            query = parser.parse(text);
        } catch (ParseException e) {
            String first = e.getMessage().lines().findFirst().orElse("").replaceFirst("^Cannot parse '.*?': ", "");
            throw new IndexException(IndexException.Kind.QUERY, "cannot parse the query `" + text + "`: " + first + " " + help());
        } catch (IllegalArgumentException e) {
            throw new IndexException(IndexException.Kind.QUERY, "cannot parse the query `" + text + "`: " + e.getMessage());
        }
        checkFields(query, text);
        return query;
    }

    /** A misspelt field would silently match nothing: name it instead. */
    private static void checkFields(Query query, String text) throws IndexException {
        Set<String> known = new LinkedHashSet<>(knownFields());
        known.addAll(List.of(IndexFields.ID_WORDS, IndexFields.PREFIX)); // accepted, not advertised
        Set<String> used = new LinkedHashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                used.add(field);
                return false;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        for (String field : used) {
            if (!known.contains(field)) {
                String guess = ClosestMatch.among(field, knownFields()).map(g -> "did you mean `" + g + "`? ").orElse("");
                throw new IndexException(IndexException.Kind.QUERY, "unknown field `" + field + "` in the query `" + text + "`; "
                        + guess + "fields: " + String.join(", ", knownFields()));
            }
        }
    }

    /** The fields a person may name: text, filters and numbers. */
    static List<String> knownFields() {
        List<String> fields = new ArrayList<>(List.of(IndexFields.NAME, IndexFields.TAGS, IndexFields.SUMMARY, IndexFields.CARD));
        Arrays.stream(ModelFacet.values()).map(ModelFacet::field).forEach(fields::add);
        Arrays.stream(ModelNumber.values()).map(ModelNumber::field).forEach(fields::add);
        return fields;
    }

    private static String help() {
        return "(query syntax: field:value, \"a phrase\", AND, OR, NOT, (groups), prefix*, params:[100M TO 1B])";
    }

    /** Numbers in ranges accept human units; an exact number ({@code params:135M}) is a one-value range. */
    private static final class Parser extends MultiFieldQueryParser {
        Parser(String[] fields, Analyzer analyzer) {
            super(fields, analyzer, IndexFields.TEXT_BOOSTS);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            var number = field == null ? null : ModelNumber.byField(field).orElse(null);
            if (number == null) {
                return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
            }
            long low = part1 == null ? Long.MIN_VALUE : value(number, part1) + (startInclusive ? 0 : 1);
            long high = part2 == null ? Long.MAX_VALUE : value(number, part2) - (endInclusive ? 0 : 1);
            return LongPoint.newRangeQuery(field, low, high);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            var number = field == null ? null : ModelNumber.byField(field).orElse(null);
            if (number == null) {
                return super.getFieldQuery(field, queryText, quoted);
            }
            return LongPoint.newExactQuery(field, value(number, queryText));
        }

        private static long value(ModelNumber number, String text) throws ParseException {
            try {
                return switch (number) {
                    case SIZE -> HumanUnits.parseBytes(text);
                    case ADDED, UPDATED -> LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
                    default -> HumanUnits.parseCount(text);
                };
            } catch (IllegalArgumentException | DateTimeException e) {
                String expected = number == ModelNumber.ADDED || number == ModelNumber.UPDATED ? "a date such as 2025-01-31" : e.getMessage();
                throw new ParseException(number.field() + ": " + expected);
            }
        }
    }
}
