package org.slmhub.artifact;

import java.io.IOException;

/** The ways the test server answers: well-behaved, and the failures a real download meets. */
final class Replies {

    private Replies() {
    }

    /** A correct server: 200 for the whole file, 206 with Content-Range for {@code Range: bytes=N-}. */
    static final ArtifactServer.Reply SERVE = (server, exchange) -> {
        String range = exchange.getRequestHeaders().getFirst("Range");
        int length = server.data.length;
        if (range == null) {
            exchange.sendResponseHeaders(200, length);
            server.write(exchange, 0, length);
            return;
        }
        int from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
        if (from >= length) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + length);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (length - 1) + "/" + length);
        exchange.sendResponseHeaders(206, length - from);
        server.write(exchange, from, length);
    };

    /** An old server that does not know Range: always the whole file with 200. */
    static final ArtifactServer.Reply IGNORE_RANGE = (server, exchange) -> {
        exchange.sendResponseHeaders(200, server.data.length);
        server.write(exchange, 0, server.data.length);
    };

    /** Announces the whole file, sends {@code n} bytes, then the connection breaks. */
    static ArtifactServer.Reply cutAfter(int n) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, server.data.length);
            server.write(exchange, 0, n);
            throw new IOException("test server cuts the connection"); // the server then drops the socket
        };
    }

    /** A shorter file, cleanly ended (chunked, so no Content-Length gives it away early). */
    static ArtifactServer.Reply shortFile(int n) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, 0);
            server.write(exchange, 0, n);
        };
    }

    /** The whole file and then {@code extra} more bytes, chunked: only counting catches it. */
    static ArtifactServer.Reply longerChunked(int extra) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, 0);
            server.write(exchange, 0, server.data.length);
            server.write(exchange, 0, extra);
        };
    }

    /** A longer file with an honest Content-Length, which gives it away before the body. */
    static ArtifactServer.Reply longerAnnounced(int extra) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, server.data.length + extra);
            server.write(exchange, 0, server.data.length);
            server.write(exchange, 0, extra);
        };
    }

    static ArtifactServer.Reply status(int code) {
        return (server, exchange) -> exchange.sendResponseHeaders(code, -1);
    }

    /** Sends {@code n} bytes, then nothing more while keeping the connection open. */
    static ArtifactServer.Reply stallAfter(int n) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, server.data.length);
            server.write(exchange, 0, n);
            server.hang();
        };
    }

    /** The whole file in {@code pieces} parts with a pause before each: slow, but never silent for long. */
    static ArtifactServer.Reply trickle(int pieces, long pauseMillis) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, server.data.length);
            int step = server.data.length / pieces;
            for (int from = 0; from < server.data.length; from += step) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                server.write(exchange, from, Math.min(from + step, server.data.length));
            }
        };
    }

    /** Accepts the request and never answers it. */
    static final ArtifactServer.Reply NO_ANSWER = (server, exchange) -> server.hang();

    static ArtifactServer.Reply redirectTo(String path) {
        return (server, exchange) -> {
            exchange.getResponseHeaders().set("Location", server.uri(path).toString());
            exchange.sendResponseHeaders(302, -1);
        };
    }
}
