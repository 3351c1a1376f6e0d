package org.slmhub.index;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/**
 * One model in a result, as the index stored it.
 *
 * @param smallestSize the smallest artifact in bytes, or -1 when the model lists none
 * @param added        null when the index was built outside Git
 * @param score        relevance (0 when sorted otherwise or listing without text)
 */
public record ModelHit(String id, String name, String publisher, String summary, String license, String task,
                       String architecture, long parameters, long contextLength, long smallestSize,
                       List<String> quantizations, List<String> formats, List<String> languages, List<String> tags,
                       String smoke, Instant added, Instant updated, float score) {

    static ModelHit of(Document d, float score) {
        return new ModelHit(d.get(IndexFields.ID), d.get(IndexFields.NAME), d.get(IndexFields.PUBLISHER_NAME),
                d.get(IndexFields.SUMMARY), d.get(ModelFacet.LICENSE.field()), d.get(ModelFacet.TASK.field()),
                d.get(ModelFacet.ARCH.field()), number(d, ModelNumber.PARAMS, 0), number(d, ModelNumber.CONTEXT, 0),
                number(d, ModelNumber.SIZE, -1), all(d, IndexFields.QUANTIZATIONS), all(d, ModelFacet.FORMAT.field()),
                all(d, ModelFacet.LANG.field()), all(d, ModelFacet.TAG.field()), d.get(ModelFacet.SMOKE.field()),
                date(d, ModelNumber.ADDED), date(d, ModelNumber.UPDATED), score);
    }

    private static long number(Document d, ModelNumber n, long absent) {
        IndexableField f = d.getField(n.field());
        return f == null ? absent : f.numericValue().longValue();
    }

    private static Instant date(Document d, ModelNumber n) {
        long seconds = number(d, n, Long.MIN_VALUE);
        return seconds == Long.MIN_VALUE ? null : Instant.ofEpochSecond(seconds);
    }

    private static List<String> all(Document d, String field) {
        return Arrays.asList(d.getValues(field));
    }
}
