package org.slmhub.api;

/** A model could not be named, fetched or loaded; the message is one line a user can act on. */
public final class SlmhubException extends Exception {
    public SlmhubException(String message) {
        super(message);
    }
}
