package org.slmhub.smoke;

import java.util.LinkedHashSet;
import java.util.Set;

/** An exception as one line of text for a reason: the messages of its causes, without class names or stack traces. */
final class OneLine {
    private OneLine() {
    }

    static String of(Throwable error) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = error; t != null && messages.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            messages.add(message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip());
        }
        return String.join(": ", messages).replaceAll("\\s*\\R\\s*", " ");
    }
}
