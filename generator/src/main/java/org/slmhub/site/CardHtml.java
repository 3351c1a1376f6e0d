package org.slmhub.site;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * A model card as HTML. Cards are contributor input: commonmark renders the Markdown, then an
 * allow-list sanitizer (OWASP) keeps only structure and text: no scripts, event handlers, styles or
 * images, links only to http(s) and mailto. (flexmark + jsoup took four times as long at 10,000 cards.)
 * Plain cards skip the sanitizer: {@link SafeCardMarkdown} writes what it would write.
 */
final class CardHtml {
    static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    static final Pattern CODE_CLASS = Pattern.compile("language-[\\w+#-]{1,40}");
    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr", "br",
                    "b", "i", "em", "strong", "code", "kbd", "sub", "sup", "s", "del", "ins", "mark", "small", "span",
                    "dl", "dt", "dd", "details", "summary", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a")
            .allowAttributes("align").onElements("th", "td")
            .allowAttributes("start").onElements("ol")
            .allowAttributes("class").matching(CODE_CLASS).onElements("code")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener")
            .toFactory();
    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private final SafeCardMarkdown plain = new SafeCardMarkdown(EXTENSIONS);

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

        /** The card's first {@value PagefindRecords#CARD_WORDS} words without markup, for the search index. */
        public String getOpening() {
            return rendered().opening();
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

    record Rendered(String html, String opening) {
    }

    String render(String markdown) {
        return renderBoth(markdown).html();
    }

    /** HTML and the opening words from one parse. */
    Rendered renderBoth(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return new Rendered("", "");
        }
        Node document = parse(markdown);
        String html = plain.html(document);
        return new Rendered(html != null ? html : sanitized(document), Opening.of(document, PagefindRecords.CARD_WORDS));
    }

    Node parse(String markdown) {
        return parser.parse(markdown);
    }

    /** The slow path: commonmark's HTML through the sanitizer. */
    String sanitized(Node document) {
        // the sanitizer joins the rel values in a per-JVM order (an immutable set); one order keeps builds reproducible
        return POLICY.sanitize(renderer.render(document)).replace("rel=\"noopener nofollow\"", "rel=\"nofollow noopener\"");
    }

    /** The first words of a card's text (links' text, not their URLs): a walk that stops once it has enough. */
    static final class Opening extends AbstractVisitor {
        private final int limit;
        private final StringBuilder text = new StringBuilder();
        private int words;
        private boolean done;

        private Opening(int limit) {
            this.limit = limit;
        }

        static String of(Node document, int limit) {
            Opening o = new Opening(limit);
            document.accept(o);
            return o.text.toString().strip();
        }

        @Override
        protected void visitChildren(Node parent) {
            for (Node n = parent.getFirstChild(); n != null && !done; n = n.getNext()) {
                n.accept(this);
                if (n.getFirstChild() != null && !(n instanceof Emphasis || n instanceof StrongEmphasis
                        || n instanceof Link) || n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                    add(" "); // blocks and line breaks end a word; emphasis and links may sit inside one
                }
            }
        }

        @Override
        public void visit(Text t) {
            add(t.getLiteral());
        }

        @Override
        public void visit(Code c) {
            add(c.getLiteral());
        }

        private void add(String s) {
            for (int i = 0; i < s.length() && !done; i++) {
                char c = s.charAt(i);
                boolean afterSpace = text.length() == 0 || text.charAt(text.length() - 1) == ' ';
                if (Character.isWhitespace(c)) {
                    done = words >= limit;
                    if (!afterSpace) {
                        text.append(' ');
                    }
                } else if (afterSpace && words >= limit) {
                    done = true;
                } else {
                    words += afterSpace ? 1 : 0;
                    text.append(c);
                }
            }
        }
    }
}
