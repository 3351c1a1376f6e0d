package org.slmhub.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A model page as a search record ({@link SearchRecord}): the words a reader searches for (name, id, summary,
 * tags, facts, the opening of the card), the filters and sorts the search page offers, and the meta
 * a result shows. Digests, URLs and run snippets are left out. URLs are site-relative
 * ({@code /models/a/b/}); the search page passes the base URL to Pagefind.
 *
 * <p>Only the card's first {@value #CARD_WORDS} words are indexed: words common to every card put
 * every page in their index chunk, and whole cards made the chunk a first search loads 165 KB at
 * 10,000 models (48 KB with the opening only). Offline search ({@code slmhub search}) has whole cards.
 */
final class PagefindRecords {
    static final String MODEL_TEMPLATE = "model.ftl";
    static final int CARD_WORDS = 60;

    private PagefindRecords() {
    }

    static boolean indexed(Page page) {
        return page.template().equals(MODEL_TEMPLATE);
    }

    @SuppressWarnings("unchecked")
    static SearchRecord of(Page page) {
        Map<String, Object> d = page.data();
        String facts = String.join(" ", Stream.of("tags", "task", "architecture", "license", "languages", "quantizations", "params", "publisher")
                .map(k -> text(d, k)).toList());
        String card = d.get("card") instanceof CardHtml.Lazy lazy ? lazy.getOpening() : "";
        // the summary first: with no match in view, a result's excerpt is the start of its content
        String content = String.join("\n", List.of(text(d, "summary"), card, facts, text(d, "name"), text(d, "id")));
        Map<String, String> meta = Map.of("title", text(d, "name"), "id", text(d, "id"), "params", text(d, "params"), "license", text(d, "license"));
        Map<String, String> sort = new LinkedHashMap<>();
        sort.put("params", text(d, "paramsSort"));
        if (!text(d, "dateSort").isEmpty()) {
            sort.put("date", text(d, "dateSort"));
        }
        return new SearchRecord(page.path(), "en", content, meta, (Map<String, List<String>>) d.get("filters"), sort);
    }

    private static String text(Map<String, Object> data, String key) {
        Object v = data.get(key);
        return v == null ? "" : v.toString();
    }
}
