package org.slmhub.site;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/**
 * A model card as HTML. Cards are contributor input, so the Markdown's HTML goes through a jsoup
 * allow-list: no scripts, no event handlers, no styles, links only to http(s) and mailto.
 */
final class CardHtml {
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img")
            .addAttributes("code", "class")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener");
    private final Parser parser;
    private final HtmlRenderer renderer;

    CardHtml() {
        MutableDataSet options = new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, false); // cards need no anchors, and ids cost time per page
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).build();
    }

    /**
     * The card as a value for a page's data: its fingerprint is the Markdown, so an unchanged card is
     * never rendered again; templates ask for {@code card.html}.
     */
    Lazy lazy(String markdown) {
        return new Lazy(this, markdown == null ? "" : markdown);
    }

    /** Renders on first use (by the template), at most once. */
    public static final class Lazy {
        private final CardHtml renderer;
        private final String markdown;
        private volatile String html;

        Lazy(CardHtml renderer, String markdown) {
            this.renderer = renderer;
            this.markdown = markdown;
        }

        public String getHtml() {
            if (html == null) {
                html = renderer.render(markdown);
            }
            return html;
        }

        @Override
        public String toString() {
            return markdown;
        }
    }

    String render(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String html = renderer.render(parser.parse(markdown));
        return Jsoup.clean(html, SAFE);
    }
}
