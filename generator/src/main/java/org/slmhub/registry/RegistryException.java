package org.slmhub.registry;

/** Why a registry gave no manifest: one line a user can act on. */
public final class RegistryException extends Exception {
    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
