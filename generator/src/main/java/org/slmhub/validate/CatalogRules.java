package org.slmhub.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;

/** Level 3 rules across the whole catalog: ids and artifact digests must be unique. */
final class CatalogRules {

    List<Finding> check(List<CatalogEntry> entries) {
        List<Finding> out = new ArrayList<>();
        // a list per value only where values clash: 10,000 models have 30,000 digests, almost all unique
        // any order: the report sorts its findings
        Map<String, Object> ids = new HashMap<>(entries.size() * 2);
        Map<String, Object> digests = new HashMap<>(entries.size() * 6);
        for (CatalogEntry entry : entries) {
            add(ids, entry.manifest().id(), new Place(entry, -1));
            List<ModelManifest.Artifact> artifacts = entry.manifest().artifacts();
            for (int i = 0; i < artifacts.size(); i++) {
                add(digests, artifacts.get(i).sha256(), new Place(entry, i));
            }
        }
        ids.forEach((id, places) -> reportClashes(places, Rule.DUPLICATE_ID, id, out));
        digests.forEach((sha, places) -> reportClashes(places, Rule.DUPLICATE_ARTIFACT, sha, out));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> places, String value, Place place) {
        places.merge(value, place, (first, next) -> {
            List<Place> list = first instanceof Place p ? new ArrayList<>(List.of(p)) : (List<Place>) first;
            list.add(place);
            return list;
        });
    }

    /** Every place of a clash is reported, each naming the others, so either side's PR sees it. */
    @SuppressWarnings("unchecked")
    private static void reportClashes(Object found, Rule rule, String value, List<Finding> out) {
        if (!(found instanceof List<?>)) {
            return;
        }
        List<Place> places = (List<Place>) found;
        for (Place place : places) {
            List<String> others = places.stream().filter(p -> p != place).map(p -> Finding.display(p.entry().file()) + ":" + p.entry().at(p.pointer())).toList();
            out.add(Finding.error(place.entry().file(), place.entry().at(place.pointer()), rule,
                    rule.message(ManifestRules.quote(value), String.join(", ", others)), rule.hint()));
        }
    }

    /** An id ({@code artifact} -1) or an artifact's digest. */
    private record Place(CatalogEntry entry, int artifact) {
        String pointer() {
            return artifact < 0 ? "/id" : "/artifacts/" + artifact + "/sha256";
        }
    }
}
