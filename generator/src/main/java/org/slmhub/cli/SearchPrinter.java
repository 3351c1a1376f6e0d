package org.slmhub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slmhub.catalog.HumanUnits;
import org.slmhub.index.ModelFacet;
import org.slmhub.index.ModelHit;
import org.slmhub.index.SearchRequest;
import org.slmhub.index.SearchResult;

/** Prints search results: a three-line block per model for people, or one JSON document. */
final class SearchPrinter {
    private static final int SUMMARY_WIDTH = 110;

    private final PrintWriter out;

    SearchPrinter(PrintWriter out) {
        this.out = out;
    }

    void human(SearchRequest request, SearchResult result, int indexed) {
        if (result.total() == 0) {
            noHits(request, result);
            out.flush();
            return;
        }
        if (result.relaxed()) {
            out.printf("no model matches every word of `%s`; the closest matches:%n", request.text());
        }
        for (ModelHit hit : result.hits()) {
            out.printf("%s  %s%n", hit.id(), hit.name());
            out.printf("    %s params · %s context · %s · %s · %s%n", HumanUnits.formatCount(hit.parameters()),
                    HumanUnits.formatContext(hit.contextLength()), hit.license(),
                    hit.smallestSize() < 0 ? "no files" : "from " + HumanUnits.formatBytes(hit.smallestSize()),
                    hit.quantizations().isEmpty() ? String.join(" ", hit.formats()) : String.join(" ", hit.quantizations()));
            out.printf("    %s%n", truncate(hit.summary()));
        }
        String total = (result.totalExact() ? "" : "more than ") + result.total();
        out.printf("%d of %s matching model%s (index of %d)%s%n", result.hits().size(), total, result.total() == 1 ? "" : "s", indexed,
                result.hits().size() < result.total() ? "; --limit N shows more" : "");
        if (!result.facets().isEmpty()) {
            facets(result.facets());
        }
        out.flush();
    }

    private void noHits(SearchRequest request, SearchResult result) {
        out.println("no models match" + (request.hasText() ? " `" + request.text() + "`" : "") + (request.filters().isEmpty() && request.ranges().isEmpty() ? "" : " with these filters"));
        for (SearchResult.Suggestion s : result.suggestions()) {
            String what = s.facet() == null ? "`" + s.typed() + "` is in no name, tag or text" : "no model has --" + s.facet().field() + " `" + s.typed() + "`";
            out.println("  " + what + (s.closest().isEmpty() ? "" : "; did you mean: " + String.join(", ", s.closest()) + "?"));
        }
    }

    private void facets(Map<ModelFacet, List<SearchResult.FacetCount>> facets) {
        out.println("facets:");
        facets.forEach((facet, counts) -> {
            if (!counts.isEmpty()) {
                out.printf("  %-10s %s%n", facet.field() + ":", counts.stream().map(c -> c.value() + " (" + c.count() + ")").collect(Collectors.joining(", ")));
            }
        });
    }

    private static String truncate(String s) {
        return s.length() <= SUMMARY_WIDTH ? s : s.substring(0, SUMMARY_WIDTH - 1).stripTrailing() + "…";
    }

    void json(SearchRequest request, SearchResult result) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("query", request.text());
        root.put("total", result.total());
        root.put("total_exact", result.totalExact());
        root.put("relaxed", result.relaxed());
        ArrayNode list = root.putArray("results");
        for (ModelHit h : result.hits()) {
            ObjectNode n = list.addObject();
            n.put("id", h.id());
            n.put("name", h.name());
            n.put("publisher", h.publisher());
            n.put("summary", h.summary());
            n.put("license", h.license());
            n.put("task", h.task());
            n.put("architecture", h.architecture());
            n.put("parameters", h.parameters());
            n.put("context_length", h.contextLength());
            n.put("smallest_size", h.smallestSize());
            h.quantizations().forEach(n.putArray("quantizations")::add);
            h.formats().forEach(n.putArray("formats")::add);
            h.languages().forEach(n.putArray("languages")::add);
            h.tags().forEach(n.putArray("tags")::add);
            n.put("smoke", h.smoke());
            n.put("added", h.added() == null ? null : h.added().toString());
            n.put("updated", h.updated() == null ? null : h.updated().toString());
            n.put("score", Math.round(h.score() * 1000) / 1000.0);
        }
        if (!result.facets().isEmpty()) {
            ObjectNode facets = root.putObject("facets");
            result.facets().forEach((facet, counts) -> {
                ObjectNode values = facets.putObject(facet.field());
                counts.forEach(c -> values.put(c.value(), c.count()));
            });
        }
        ArrayNode suggestions = root.putArray("suggestions");
        for (SearchResult.Suggestion s : result.suggestions()) {
            ObjectNode n = suggestions.addObject();
            n.put("filter", s.facet() == null ? null : s.facet().field());
            n.put("typed", s.typed());
            s.closest().forEach(n.putArray("closest")::add);
        }
        out.println(root.toPrettyString());
        out.flush();
    }
}
