package org.slmhub.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;

/** Level 3 rules across the whole catalog: ids and artifact digests must be unique. */
final class CatalogRules {

    List<Finding> check(List<CatalogEntry> entries) {
        List<Finding> out = new ArrayList<>();
        Map<String, List<Place>> ids = new LinkedHashMap<>();
        Map<String, List<Place>> digests = new LinkedHashMap<>();
        for (CatalogEntry entry : entries) {
            ids.computeIfAbsent(entry.manifest().id(), k -> new ArrayList<>()).add(new Place(entry, "/id"));
            List<ModelManifest.Artifact> artifacts = entry.manifest().artifacts();
            for (int i = 0; i < artifacts.size(); i++) {
                digests.computeIfAbsent(artifacts.get(i).sha256(), k -> new ArrayList<>())
                        .add(new Place(entry, "/artifacts/" + i + "/sha256"));
            }
        }
        ids.forEach((id, places) -> reportClashes(places, Rule.DUPLICATE_ID, id, out));
        digests.forEach((sha, places) -> reportClashes(places, Rule.DUPLICATE_ARTIFACT, sha, out));
        return out;
    }

    /** Every place of a clash is reported, each naming the others, so either side's PR sees it. */
    private static void reportClashes(List<Place> places, Rule rule, String value, List<Finding> out) {
        if (places.size() < 2) {
            return;
        }
        for (Place place : places) {
            List<String> others = places.stream().filter(p -> p != place).map(p -> Finding.display(p.entry().file()) + ":" + p.entry().at(p.pointer())).toList();
            out.add(Finding.error(place.entry().file(), place.entry().at(place.pointer()), rule,
                    rule.message(ManifestRules.quote(value), String.join(", ", others)), rule.hint()));
        }
    }

    private record Place(CatalogEntry entry, String pointer) {
    }
}
