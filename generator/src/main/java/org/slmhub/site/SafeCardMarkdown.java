package org.slmhub.site;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The fast path of {@link CardHtml}. Most cards are plain Markdown (no raw HTML, no images, ordinary
 * links), whose commonmark HTML the sanitizer keeps element for element and only writes anew. For
 * those this writes that HTML as the sanitizer would, byte for byte, without running it (the sanitizer
 * was a third of a card's cost). It answers null, and the card takes the sanitizer, for anything else:
 * a node type, tag, attribute, value or character it does not positively know.
 */
final class SafeCardMarkdown {
    /** Node types whose commonmark HTML is allow-listed markup; raw HTML and images are not among them. */
    private static final Set<Class<? extends Node>> PLAIN_NODES = Set.of(Document.class, Paragraph.class, Heading.class,
            BlockQuote.class, BulletList.class, OrderedList.class, ListItem.class, FencedCodeBlock.class, IndentedCodeBlock.class,
            ThematicBreak.class, Text.class, Code.class, Emphasis.class, StrongEmphasis.class, Link.class, SoftLineBreak.class,
            HardLineBreak.class, LinkReferenceDefinition.class, TableBlock.class, TableHead.class, TableBody.class, TableRow.class,
            TableCell.class);
    /** Far below the sanitizer's nesting limit (256 elements), beyond which it drops elements. */
    private static final int MAX_DEPTH = 64;
    private static final String REL = "nofollow noopener";
    /** Commonmark's elements for those nodes (but the empty br and hr). */
    private static final Set<String> ELEMENTS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li",
            "pre", "code", "em", "strong", "a", "table", "thead", "tbody", "tr", "th", "td");
    /** Where the sanitizer drops text (commonmark's line breaks between rows and items). */
    private static final Set<String> NO_TEXT = Set.of("ul", "ol", "table", "thead", "tbody", "tr");
    /** Commonmark's escapes, its only entities when a card holds no raw HTML, for these characters... */
    private static final String[] ESCAPED = {"&amp;", "&lt;", "&gt;", "&quot;"};
    private static final String ESCAPED_CHARACTERS = "&<>\"";
    /** ...and the sanitizer's for the same characters. */
    private static final String[] SANITIZER_ESCAPED = {"&amp;", "&lt;", "&gt;", "&#34;"};
    /** ASCII the sanitizer writes as it is: not the controls (but tab and newline), not {@code "&'+<=>@`} and not a brace. */
    private static final boolean[] PLAIN_ASCII = new boolean[0x80];

    static {
        for (char c = ' '; c < 0x80; c++) {
            PLAIN_ASCII[c] = "\"&'+<=>@`{".indexOf(c) < 0;
        }
        PLAIN_ASCII['\t'] = PLAIN_ASCII['\n'] = true;
    }

    private final HtmlRenderer renderer;

    SafeCardMarkdown(List<Extension> extensions) {
        // the sanitizer drops link titles and adds the rel (CardHtml puts its values in this order)
        renderer = HtmlRenderer.builder().extensions(extensions).attributeProviderFactory(context -> (node, tag, attributes) -> {
            if (node instanceof Link) {
                attributes.remove("title");
                attributes.put("rel", REL);
            }
        }).build();
    }

    /** The card's HTML as the sanitizer would write it, or null when only the sanitizer may say. */
    String html(Node document) {
        return plain(document, 0, false) ? sanitizerForm(renderer.render(document)) : null;
    }

    private static boolean plain(Node node, int depth, boolean inLink) {
        if (!PLAIN_NODES.contains(node.getClass()) || depth > MAX_DEPTH || inLink && node instanceof Link) {
            return false; // a link in a link: commonmark nests autolinks in links, which HTML cannot hold
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (!plain(child, depth + 1, inLink || node instanceof Link)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Commonmark's HTML (its tags, and text it escaped as {@code &amp; &lt; &gt; &quot;}) rewritten as the
     * sanitizer writes it: its character encoding, no text between rows or items, known values only.
     */
    static String sanitizerForm(String html) {
        StringBuilder out = new StringBuilder(html.length() + html.length() / 8);
        Deque<String> open = new ArrayDeque<>();
        for (int at = 0; at < html.length();) {
            int lt = html.indexOf('<', at);
            int end = lt < 0 ? html.length() : lt;
            boolean dropped = !open.isEmpty() && NO_TEXT.contains(open.peek());
            if (end > at && !(dropped ? html.substring(at, end).replace("\n", "").isEmpty() : encode(html, at, end, out))) {
                return null;
            }
            if (lt < 0) {
                break;
            }
            at = html.indexOf('>', lt) + 1;
            if (at == 0 || !tag(html.substring(lt + 1, at - 1), open, out)) {
                return null;
            }
        }
        return open.isEmpty() ? out.toString() : null;
    }

    /** One tag as commonmark writes it ({@code /name}, {@code br /}, {@code name a="v" b="w"}): only what the policy keeps. */
    private static boolean tag(String tag, Deque<String> open, StringBuilder out) {
        if (tag.equals("br /") || tag.equals("hr /")) {
            out.append('<').append(tag).append('>');
            return true;
        }
        if (tag.startsWith("/")) {
            out.append('<').append(tag).append('>');
            return tag.substring(1).equals(open.poll());
        }
        int space = tag.indexOf(' ');
        String name = space < 0 ? tag : tag.substring(0, space);
        if (!ELEMENTS.contains(name)) {
            return false;
        }
        out.append('<').append(name);
        for (int at = space; at >= 0;) { // at: the space before an attribute
            int eq = tag.indexOf("=\"", at);
            int close = eq < 0 ? -1 : tag.indexOf('"', eq + 2);
            if (close < 0 || close + 1 < tag.length() && tag.charAt(close + 1) != ' ') {
                return false;
            }
            String attribute = tag.substring(at + 1, eq);
            String value = tag.substring(eq + 2, close);
            if (!allowed(name, attribute, decode(value))) {
                return false;
            }
            value = attribute.equals("href") ? percentEncodeBrackets(value) : value;
            out.append(tag, at, eq + 2);
            if (!encode(value, 0, value.length(), out)) { // allowed values hold no braces (attributes split them otherwise)
                return false;
            }
            out.append('"');
            at = close + 1 < tag.length() ? close + 1 : -1;
        }
        open.push(name);
        out.append('>');
        return true;
    }

    /** Whether the policy keeps this attribute value as it is (a link's but for brackets); strict, null is not. */
    private static boolean allowed(String element, String attribute, String value) {
        return value != null && switch (element + " " + attribute) {
            case "a href" -> plainUrl(value);
            case "a rel" -> value.equals(REL);
            case "code class" -> CardHtml.CODE_CLASS.matcher(value).matches();
            case "th align", "td align" -> value.equals("left") || value.equals("center") || value.equals("right");
            case "ol start" -> value.matches("[0-9]{1,9}");
            default -> false;
        };
    }

    /**
     * A URL the sanitizer keeps as it is (but for brackets): printable ASCII without backslashes or
     * backticks (it pads those values with a space), with http, https or mailto, or relative and not
     * protocol-relative. Strict: the rest takes the sanitizer.
     */
    static boolean plainUrl(String url) {
        if (url.isEmpty() || url.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '\\' || c == '`') {
                return false;
            }
        }
        int end = 0;
        while (end < url.length() && ":/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        if (end == url.length() || url.charAt(end) != ':') {
            return true;
        }
        String scheme = url.substring(0, end);
        return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("mailto");
    }

    /** The sanitizer's URL normalisation for what {@link #plainUrl} lets through. */
    private static String percentEncodeBrackets(String url) {
        return url.replace("(", "%28").replace(")", "%29").replace("{", "%7b").replace("}", "%7d");
    }

    /** The index in {@link #ESCAPED} of commonmark's escape at {@code i}, -1 for anything else. */
    private static int escapeAt(String html, int i) {
        for (int k = 0; k < ESCAPED.length; k++) {
            if (html.startsWith(ESCAPED[k], i)) {
                return k;
            }
        }
        return -1;
    }

    /** Undoes commonmark's escaping; null for any other entity (not expected without raw HTML). */
    private static String decode(String escaped) {
        StringBuilder plain = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            int k = escaped.charAt(i) == '&' ? escapeAt(escaped, i) : -2;
            if (k == -1) {
                return null;
            }
            plain.append(k < 0 ? escaped.charAt(i) : ESCAPED_CHARACTERS.charAt(k));
            i += k < 0 ? 0 : ESCAPED[k].length() - 1;
        }
        return plain.toString();
    }

    /**
     * Appends commonmark's escaped text as the sanitizer encodes the same characters (OWASP
     * {@code Encoding.encodePcdataOnto}); false for what it drops (controls, lone surrogates,
     * non-characters), for a ZWNJ (dropped before some Indic vowels) and for any other entity.
     */
    private static boolean encode(String html, int from, int to, StringBuilder out) {
        int copied = from;
        for (int i = from; i < to; i++) {
            char c = html.charAt(i);
            if (c < 0x80 ? PLAIN_ASCII[c] : c < '\u1FEF') {
                continue; // the common case: letters, digits, most punctuation and scripts
            }
            int codePoint = html.codePointAt(i);
            int length = Character.charCount(codePoint);
            String entity;
            if (c == '&') {
                int k = escapeAt(html, i);
                if (k < 0) {
                    return false;
                }
                entity = SANITIZER_ESCAPED[k];
                length = ESCAPED[k].length();
            } else if (c < ' ' || c == '<' || c == '>' || c == '"' || c == '\u200C' || Character.isSurrogate(c) && codePoint == c
                    || (c & 0xfffe) == 0xfffe) {
                return false; // unescaped, <>" are not commonmark's text
            } else {
                entity = switch (c) {
                    case '\'' -> "&#39;";
                    case '+' -> "&#43;";
                    case '=' -> "&#61;";
                    case '@' -> "&#64;";
                    case '`' -> "&#96;";
                    // template languages read {{ }}: the sanitizer splits a brace before a brace or at the end of a text
                    case '{' -> i + 1 == to || html.charAt(i + 1) == '{' ? "{<!-- -->" : null;
                    case '\u1FEF' -> "&#8175;"; // normalises to a backtick
                    // astral characters, full-width forms, the BOM and specials (some normalise to markup characters)
                    default -> codePoint >= 0xfe60 ? "&#x" + Integer.toHexString(codePoint) + ";" : null;
                };
            }
            if (entity != null) {
                out.append(html, copied, i).append(entity);
                copied = i + length;
            }
            i += length - 1;
        }
        out.append(html, copied, to);
        return true;
    }
}
