package org.slmhub.index;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetsConfig;

/** Names of the free-text and stored fields, the boost of each text field, and the facet setup. */
final class IndexFields {
    /** The model's display name, split into words and word parts. */
    static final String NAME = "name";
    /** The id's words ({@code bartowski/llama-3.2-1b-instruct}) and the publisher's display name. */
    static final String ID_WORDS = "id_words";
    /** Edge n-grams of name and id words, so {@code smol} finds SmolLM2. */
    static final String PREFIX = "prefix";
    static final String TAGS = "tags";
    static final String SUMMARY = "summary";
    static final String CARD = "card";

    /** Stored only. */
    static final String ID = "id";
    static final String PUBLISHER_NAME = "publisher_name";
    static final String QUANTIZATIONS = "quantizations";
    /** Sort key: the lower-case name, then the id. */
    static final String NAME_SORT = "name_sort";

    /**
     * Field boosts for free text: a word in the name or id outweighs one in the tags or summary,
     * which outweighs the card, so the model a person names comes before models that mention it.
     */
    static final Map<String, Float> TEXT_BOOSTS = textBoosts();

    private IndexFields() {
    }

    private static Map<String, Float> textBoosts() {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put(NAME, 10f);
        boosts.put(ID_WORDS, 6f);
        boosts.put(PREFIX, 3f);
        boosts.put(TAGS, 4f);
        boosts.put(SUMMARY, 2.5f);
        boosts.put(CARD, 1f);
        return boosts;
    }

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (ModelFacet facet : ModelFacet.values()) {
            config.setMultiValued(facet.field(), facet.multiValued());
        }
        return config;
    }
}
