package org.slmhub.site;

import java.util.List;
import java.util.Map;

/**
 * One model page as browser search knows it: where it is, the words it is found by, the meta a
 * result shows, its filters and sort keys. Pagefind reads it as a small HTML file ({@link #html()}):
 * its CLI indexes 10,000 of them with a quarter to a third less CPU than its Node API took for the
 * same records, and takes the URL from the file's path.
 */
record SearchRecord(String path, String language, String content, Map<String, String> meta, Map<String, List<String>> filters,
                    Map<String, String> sort) {

    /** The site-relative URL Pagefind makes of the file's path ({@code models/a/b/index.html} is {@code /models/a/b/}). */
    String url() {
        return "/" + path.replaceFirst("index\\.html$", "");
    }

    /**
     * The page as Pagefind reads it. The content is the only text inside {@code data-pagefind-body},
     * in an inline element (a block one would end it with a full stop); meta, filters and sorts are
     * elements after it, so their text is not searched. Each value is the element's text, never an
     * attribute's ({@code key:value} attributes are split at commas). Pagefind decodes entities once in
     * content, meta and sorts but twice in filters (1.6.0), so a filter's text is escaped twice. Runs
     * of white space in meta and filter values become one space, as they would on a page.
     */
    String html() {
        StringBuilder b = new StringBuilder(content.length() + 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(escape(language)).append("\"><head><meta charset=\"utf-8\"></head><body>\n");
        b.append("<span data-pagefind-body>").append(escape(content)).append("</span>\n");
        meta.forEach((key, value) -> element(b, "meta", key, escape(value)));
        filters.forEach((key, values) -> values.forEach(value -> element(b, "filter", key, escape(escape(value)))));
        sort.forEach((key, value) -> element(b, "sort", key, escape(value)));
        return b.append("</body></html>\n").toString();
    }

    private static void element(StringBuilder b, String kind, String key, String text) {
        b.append("<span data-pagefind-").append(kind).append("=\"").append(escape(key)).append("\">").append(text).append("</span>\n");
    }

    /** Text for an element or a quoted attribute: {@code & < > "} as entities, the rest as it is. */
    static String escape(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (entity != null && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (entity != null) {
                    b.append(entity);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }
}
