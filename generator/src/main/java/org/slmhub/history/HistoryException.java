package org.slmhub.history;

/** Git history could not be read as asked; the message says why in one line. */
public final class HistoryException extends Exception {
    public HistoryException(String message) {
        super(message);
    }
}
