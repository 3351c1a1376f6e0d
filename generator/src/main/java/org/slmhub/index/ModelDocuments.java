package org.slmhub.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.history.ModelHistory;

/** One Lucene document per model: text to search, exact values to filter and count, numbers to range and sort. */
final class ModelDocuments {
    private final FacetsConfig facets = IndexFields.facetsConfig();
    private final IndexInputs inputs;

    ModelDocuments(IndexInputs inputs) {
        this.inputs = inputs;
    }

    Document of(ModelManifest m) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, m.id(), Field.Store.YES));
        doc.add(new TextField(IndexFields.NAME, m.name(), Field.Store.YES));
        doc.add(new TextField(IndexFields.ID_WORDS, m.id(), Field.Store.NO));
        doc.add(new TextField(IndexFields.ID_WORDS, m.publisher(), Field.Store.NO));
        doc.add(new TextField(IndexFields.PREFIX, m.name() + " " + m.id(), Field.Store.NO));
        doc.add(new TextField(IndexFields.TAGS, String.join(" ", m.tags()), Field.Store.NO));
        doc.add(new TextField(IndexFields.SUMMARY, m.summary(), Field.Store.YES));
        doc.add(new TextField(IndexFields.CARD, m.card() == null ? "" : m.card(), Field.Store.NO));
        doc.add(new StoredField(IndexFields.PUBLISHER_NAME, m.publisher()));
        doc.add(new SortedDocValuesField(IndexFields.NAME_SORT, sortKey(m)));

        addFacet(doc, ModelFacet.LICENSE, List.of(m.license()));
        addFacet(doc, ModelFacet.TASK, List.of(m.pipelineTag()));
        addFacet(doc, ModelFacet.ARCH, List.of(m.architecture()));
        addFacet(doc, ModelFacet.FORMAT, weights(m).stream().map(ModelManifest.Artifact::format).toList());
        List<String> quants = weights(m).stream().map(ModelManifest.Artifact::quantization)
                .filter(q -> q != null && !q.isBlank()).map(q -> q.toUpperCase(Locale.ROOT)).toList();
        addFacet(doc, ModelFacet.QUANT, quants);
        quants.stream().distinct().forEach(q -> doc.add(new StoredField(IndexFields.QUANTIZATIONS, q)));
        addFacet(doc, ModelFacet.LANG, m.languages());
        addFacet(doc, ModelFacet.PUBLISHER, List.of(m.publisher()));
        doc.add(new StringField(ModelFacet.PUBLISHER.field(), ModelFacet.term(m.publisherSlug()), Field.Store.NO));
        addFacet(doc, ModelFacet.TAG, m.tags());
        addFacet(doc, ModelFacet.SMOKE, List.of(inputs.smokeStatus(m.id())));

        addNumber(doc, ModelNumber.PARAMS, m.parameters());
        addNumber(doc, ModelNumber.CONTEXT, m.contextLength());
        weights(m).stream().mapToLong(ModelManifest.Artifact::size).min()
                .ifPresent(size -> addNumber(doc, ModelNumber.SIZE, size));
        ModelHistory.Dates dates = inputs.dates().get(m.id());
        if (dates != null) {
            addNumber(doc, ModelNumber.ADDED, dates.added().getEpochSecond());
            addNumber(doc, ModelNumber.UPDATED, dates.updated().getEpochSecond());
        }
        return facets.build(doc);
    }

    /** The index sort's key: the lower-case name, then the id (as UTF-8 bytes, the order Lucene compares). */
    static BytesRef sortKey(ModelManifest m) {
        return new BytesRef(m.name().toLowerCase(Locale.ROOT) + "\u0000" + m.id());
    }

    /** The models in the order the index keeps its documents. */
    static List<ModelManifest> inIndexOrder(List<ModelManifest> models) {
        Map<ModelManifest, BytesRef> keys = new IdentityHashMap<>();
        models.forEach(m -> keys.put(m, sortKey(m)));
        List<ModelManifest> sorted = new ArrayList<>(models);
        sorted.sort(Comparator.comparing(keys::get));
        return sorted;
    }

    /** The model files themselves; tokenizers and configs that ride along are not variants. */
    private static List<ModelManifest.Artifact> weights(ModelManifest m) {
        List<ModelManifest.Artifact> weights = m.weights();
        return weights.isEmpty() ? m.artifacts() : weights;
    }

    /** A filter term (lower case), the stored display value, and the facet label (as written). */
    private static void addFacet(Document doc, ModelFacet facet, List<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                distinct.add(v.trim());
            }
        }
        for (String v : distinct) {
            doc.add(new StringField(facet.field(), ModelFacet.term(v), Field.Store.NO));
            doc.add(new StoredField(facet.field(), v));
            doc.add(new SortedSetDocValuesFacetField(facet.field(), v));
        }
    }

    private static void addNumber(Document doc, ModelNumber number, long value) {
        doc.add(new LongPoint(number.field(), value));
        doc.add(new NumericDocValuesField(number.field(), value));
        doc.add(new StoredField(number.field(), value));
    }
}
