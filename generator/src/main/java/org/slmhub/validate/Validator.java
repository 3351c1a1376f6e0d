package org.slmhub.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.IdentityHashMap;
import java.util.Collections;
import java.util.Set;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ManifestBinder;
import org.slmhub.catalog.ManifestFile;

/**
 * Levels 1–3 over a set of manifests: syntax, schema, then catalog rules. Every file is checked
 * and every problem collected; nothing stops at the first error.
 */
public final class Validator {
    /** Made when a file is first checked: loading the schema is a tenth of a rebuild whose files were all checked before. */
    private volatile SchemaCheck schemaCheck;
    private final ManifestRules manifestRules = new ManifestRules();
    private final CatalogRules catalogRules = new CatalogRules();
    /** Per-file results by parsed file (identity); null unless {@link #remembering()}. */
    private final Map<ManifestFile, Checked> remembered;

    public Validator() {
        this(false);
    }

    private Validator(boolean remember) {
        remembered = remember ? Collections.synchronizedMap(new IdentityHashMap<>()) : null;
    }

    /**
     * A validator that keeps each file's own checks (schema and manifest rules) for the same parsed
     * file object, for rebuilds that reuse unchanged parsed files ({@link org.slmhub.catalog.ParsedManifests});
     * catalog-wide rules always run on everything.
     */
    public static Validator remembering() {
        return new Validator(true);
    }

    /**
     * @param catalog  every manifest of the catalog (cross-manifest rules need them all)
     * @param reportOn the files whose findings are wanted; all of {@code catalog} when empty
     * @param misplaced YAML files found where the catalog does not read them
     */
    public ValidationReport validate(List<ManifestFile> catalog, Collection<Path> reportOn, List<Path> misplaced) {
        List<Checked> checked = catalog.parallelStream().map(this::checkRemembered).toList();
        if (remembered != null) {
            Set<ManifestFile> current = Collections.newSetFromMap(new IdentityHashMap<>());
            current.addAll(catalog);
            remembered.keySet().retainAll(current);
        }
        return report(checked, reportOn, misplaced);
    }

    /**
     * The report over files whose own checks are done (some now, some kept from an earlier run):
     * the catalog-wide rules run on all of them.
     */
    ValidationReport report(List<Checked> checked, Collection<Path> reportOn, List<Path> misplaced) {
        List<Finding> findings = new ArrayList<>();
        List<CatalogEntry> entries = new ArrayList<>();
        for (Checked c : checked) {
            findings.addAll(c.findings());
            if (c.entry() != null) {
                entries.add(c.entry());
            }
        }
        findings.addAll(catalogRules.check(entries));
        for (Path path : misplaced) {
            findings.add(Finding.error(path, org.slmhub.catalog.SourcePosition.START, Rule.MANIFEST_PLACE,
                    Rule.MANIFEST_PLACE.message(Finding.display(path)), Rule.MANIFEST_PLACE.hint()));
        }
        Set<Path> wanted = new HashSet<>(reportOn);
        List<Finding> kept = findings.stream()
                .filter(f -> wanted.isEmpty() || wanted.contains(f.file()))
                .sorted(Finding.ORDER)
                .toList();
        List<CatalogEntry> keptEntries = entries.stream()
                .filter(e -> wanted.isEmpty() || wanted.contains(e.file()))
                .toList();
        int files = wanted.isEmpty() ? checked.size() + misplaced.size() : wanted.size();
        return new ValidationReport(files, kept, keptEntries);
    }

    private SchemaCheck schemaCheck() {
        SchemaCheck check = schemaCheck;
        if (check == null) {
            synchronized (this) {
                if (schemaCheck == null) {
                    schemaCheck = new SchemaCheck();
                }
                check = schemaCheck;
            }
        }
        return check;
    }

    private Checked checkRemembered(ManifestFile file) {
        if (remembered == null) {
            return checkOne(file);
        }
        Checked c = remembered.get(file);
        if (c == null) {
            c = checkOne(file);
            remembered.put(file, c);
        }
        return c;
    }

    /**
     * A manifest a site publishes in its registry (a copy, not a file of a catalog folder): every
     * check but where a catalog keeps its files; the caller compares the id with the one it asked for.
     */
    public ValidationReport checkPublished(ManifestFile file) {
        Checked c = checkOne(file);
        List<Finding> findings = c.findings().stream().filter(f -> f.rule() != Rule.ID_FOLDER).toList();
        return report(List.of(new Checked(findings, c.entry())), List.of(), List.of());
    }

    /** A file's own checks: syntax, schema, and the rules that need only this manifest. */
    Checked checkOne(ManifestFile file) {
        if (!file.parsed()) {
            var e = file.syntaxError();
            Rule rule = switch (e.kind()) {
                case DUPLICATE_KEY -> Rule.YAML_DUPLICATE_KEY;
                case NOT_A_FILE -> Rule.MANIFEST_FILE;
                case SYNTAX -> Rule.YAML_SYNTAX;
            };
            String message = rule == Rule.MANIFEST_FILE ? rule.message(file.path().getFileName(), e.getMessage()) : rule.message(e.getMessage());
            return new Checked(List.of(Finding.error(file.path(), e.position(), rule, message, rule.hint())), null);
        }
        List<Finding> findings = schemaCheck().check(file.path(), file.yaml());
        if (!findings.isEmpty()) {
            return new Checked(findings, null);
        }
        try {
            CatalogEntry entry = new CatalogEntry(file.path(), file.yaml(), ManifestBinder.bind(file.yaml().tree()));
            return new Checked(manifestRules.check(entry), entry);
        } catch (ManifestBinder.ManifestBindingException e) {
            throw new IllegalStateException(file.path() + ": " + e.getMessage(), e);
        }
    }

    /** One file's own findings, and its entry when it bound (it may still have findings). */
    record Checked(List<Finding> findings, CatalogEntry entry) {
    }
}
