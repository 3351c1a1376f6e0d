package org.slmhub;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints why a test was skipped (for example: ../shared is absent) on the build log, where
 * Maven's summary would only count it. Registered for every test through service loading.
 */
public final class SkipReasonPrinter implements TestWatcher {
    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        System.out.println("SKIPPED " + context.getDisplayName() + " in " + context.getRequiredTestClass().getSimpleName()
                + ": " + Optional.ofNullable(cause.getMessage()).orElse(cause.toString()).replaceFirst("^Assumption failed: ", ""));
    }
}
