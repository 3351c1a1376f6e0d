package org.slmhub.site;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A model card as HTML. Cards are contributor input: commonmark renders the Markdown, then an
 * allow-list sanitizer (OWASP) keeps only structure and text: no scripts, event handlers, styles or
 * images, links only to http(s) and mailto. (flexmark + jsoup took four times as long at 10,000 cards.)
 */
final class CardHtml {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr", "br",
                    "b", "i", "em", "strong", "code", "kbd", "sub", "sup", "s", "del", "ins", "mark", "small", "span",
                    "dl", "dt", "dd", "details", "summary", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a")
            .allowAttributes("align").onElements("th", "td")
            .allowAttributes("start").onElements("ol")
            .allowAttributes("class").matching(java.util.regex.Pattern.compile("language-[\\w+#-]{1,40}")).onElements("code")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private final TextContentRenderer text = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    /**
     * The card as a value for a page's data: its fingerprint is the Markdown, so an unchanged card is
     * never rendered again; templates ask for {@code card.html}.
     */
    Lazy lazy(String markdown) {
        return new Lazy(this, markdown == null ? "" : markdown);
    }

    /** Renders on first use (by the template or the search records), once: HTML and plain text from one parse. */
    public static final class Lazy {
        private final CardHtml renderer;
        private final String markdown;
        private volatile Rendered rendered;
        private volatile String hash;

        Lazy(CardHtml renderer, String markdown) {
            this.renderer = renderer;
            this.markdown = markdown;
        }

        public String getHtml() {
            return rendered().html();
        }

        /** The card's words without markup, for the search index. */
        public String getText() {
            return rendered().text();
        }

        private Rendered rendered() {
            if (rendered == null) {
                rendered = renderer.renderBoth(markdown);
            }
            return rendered;
        }

        /** The page fingerprint's view of the card: a hash of its Markdown, not the text itself (kilobytes per page). */
        @Override
        public String toString() {
            if (hash == null) {
                hash = "card " + BuildState.contentHash(markdown);
            }
            return hash;
        }
    }

    record Rendered(String html, String text) {
    }

    String render(String markdown) {
        return renderBoth(markdown).html();
    }

    Rendered renderBoth(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new Rendered("", "");
        }
        Node document = parser.parse(markdown);
        // the sanitizer joins the rel values in a per-JVM order (an immutable set); one order keeps builds reproducible
        String html = POLICY.sanitize(renderer.render(document)).replace("rel=\"noopener nofollow\"", "rel=\"nofollow noopener\"");
        return new Rendered(html, text.render(document));
    }
}
