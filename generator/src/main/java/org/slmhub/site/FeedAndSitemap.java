package org.slmhub.site;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.history.ModelHistory;

/**
 * The Atom feed of new and updated models (dates from the Git history) and {@code sitemap.xml},
 * written with an XML writer so names and summaries are always escaped.
 */
final class FeedAndSitemap {
    static final int FEED_ENTRIES = 50;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private FeedAndSitemap() {
    }

    static String feed(List<ModelManifest> models, Map<String, ModelHistory.Dates> history, SiteOptions options) {
        Comparator<ModelManifest> byUpdate = Comparator.comparing((ModelManifest m) -> updated(history, m)).reversed()
                .thenComparing(ModelManifest::id);
        List<ModelManifest> recent = models.stream().sorted(byUpdate).limit(FEED_ENTRIES).toList();
        return xml(w -> {
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            element(w, "title", options.title() + ": new and updated models");
            element(w, "id", "urn:slmhub:feed:" + options.baseUrl());
            element(w, "updated", recent.isEmpty() ? Instant.EPOCH.toString() : updated(history, recent.get(0)).toString());
            link(w, options.baseUrl() + "feed.xml", "self");
            link(w, options.baseUrl(), "alternate");
            w.writeStartElement("author");
            element(w, "name", "slmhub contributors");
            w.writeEndElement();
            for (ModelManifest m : recent) {
                ModelHistory.Dates d = history.get(m.id());
                w.writeStartElement("entry");
                element(w, "title", m.name() + (d != null && !d.added().equals(d.updated()) ? " (updated)" : ""));
                element(w, "id", "urn:slmhub:model:" + m.id() + ":" + updated(history, m).getEpochSecond());
                element(w, "updated", updated(history, m).toString());
                if (d != null) {
                    element(w, "published", d.added().toString());
                }
                link(w, options.baseUrl() + ModelView.modelPath(m.id()), "alternate");
                element(w, "summary", m.summary());
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    static String sitemap(List<String> paths, SiteOptions options) {
        return xml(w -> {
            w.writeStartElement("urlset");
            w.writeDefaultNamespace(SITEMAP);
            for (String p : paths) {
                w.writeStartElement("url");
                element(w, "loc", options.baseUrl() + (p.endsWith("index.html") ? p.substring(0, p.length() - "index.html".length()) : p));
                w.writeEndElement();
            }
            w.writeEndElement();
        });
    }

    private static Instant updated(Map<String, ModelHistory.Dates> history, ModelManifest m) {
        ModelHistory.Dates d = history.get(m.id());
        return d == null ? Instant.EPOCH : d.updated();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String xml(Body body) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeCharacters("\n");
            body.write(w);
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
        return text + "\n";
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String href, String rel) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("href", href);
        w.writeAttribute("rel", rel);
    }
}
