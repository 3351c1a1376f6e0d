package org.slmhub.artifact;

/**
 * Why an artifact could not be resolved. The message is one line a user can act on; the kind lets
 * callers map it to a status (the smoke command reports {@code artifact-unavailable} or
 * {@code checksum-mismatch}).
 */
public final class ArtifactException extends Exception {

    public enum Kind {
        /** Not in the cache or any mirror, and downloading was disabled or failed (network, timeout, disk). */
        UNAVAILABLE,
        /** Bytes arrived with the declared size but a different sha256. */
        CHECKSUM_MISMATCH,
        /** The source holds fewer bytes than the manifest declares. */
        SIZE_MISMATCH,
        /** The server answered with an HTTP status that is not a success. */
        HTTP_ERROR,
        /** The server sent (or announced) more bytes than the manifest declares. */
        TOO_LONG,
        /** The URL's scheme or host is not one we download from. */
        NOT_ALLOWED
    }

    private final Kind kind;

    public ArtifactException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ArtifactException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
