package org.slmhub.cli;

import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.SourcePosition;
import org.slmhub.smoke.ModelResult;
import org.slmhub.validate.Finding;

/**
 * A failed smoke run as a GitHub workflow-command annotation, at the manifest's {@code smoke:}
 * line: that block is what the run did, and where a contributor changes the prompt or expectation.
 */
final class SmokeAnnotation {
    private SmokeAnnotation() {
    }

    static String of(CatalogEntry entry, ModelResult result) {
        SourcePosition at = entry.yaml().keyPosition("/smoke");
        return String.format("::error file=%s,line=%d,col=%d,title=%s::%s", FindingsPrinter.property(Finding.display(entry.file())),
                at.line(), at.column(), FindingsPrinter.property("smoke " + result.verdict().id()),
                FindingsPrinter.data(result.artifact().file() + ": " + result.reason() + "\ndocs: content/docs/contributing.md#4-run-slmhub-check"));
    }
}
