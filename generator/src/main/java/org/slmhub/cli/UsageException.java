package org.slmhub.cli;

/** A command that cannot run as asked; its message is printed as is, without a stack trace. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
