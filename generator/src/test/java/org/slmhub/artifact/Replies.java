package org.slmhub.artifact;

import java.io.IOException;

/** The ways the test server answers: well-behaved, and the failures a real download meets. */
public final class Replies {

    private Replies() {
    }

    /** A correct server: 200 for the whole file, 206 with Content-Range for {@code Range: bytes=N-}. */
    public static final ArtifactServer.Reply SERVE = (server, exchange) -> {
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
    public static final ArtifactServer.Reply IGNORE_RANGE = (server, exchange) -> {
        exchange.sendResponseHeaders(200, server.data.length);
        server.write(exchange, 0, server.data.length);
    };

    /** Announces the whole file, sends {@code n} bytes, then the connection breaks. */
    public static ArtifactServer.Reply cutAfter(int n) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, server.data.length);
            server.write(exchange, 0, n);
            throw new IOException("test server cuts the connection"); // the server then drops the socket
        };
    }

    /** A shorter file, cleanly ended (chunked, so no Content-Length gives it away early). */
    public static ArtifactServer.Reply shortFile(int n) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, 0);
            server.write(exchange, 0, n);
        };
    }

    /** The whole file and then {@code extra} more bytes, chunked: only counting catches it. */
    public static ArtifactServer.Reply longerChunked(int extra) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, 0);
            server.write(exchange, 0, server.data.length);
            server.write(exchange, 0, extra);
        };
    }

    /** A longer file with an honest Content-Length, which gives it away before the body. */
    public static ArtifactServer.Reply longerAnnounced(int extra) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, server.data.length + extra);
            server.write(exchange, 0, server.data.length);
            server.write(exchange, 0, extra);
        };
    }

    public static ArtifactServer.Reply status(int code) {
        return (server, exchange) -> exchange.sendResponseHeaders(code, -1);
    }

    /** Sends {@code n} bytes, then nothing more while keeping the connection open. */
    public static ArtifactServer.Reply stallAfter(int n) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, server.data.length);
            server.write(exchange, 0, n);
            server.hang();
        };
    }

    /** The whole file in {@code pieces} parts with a pause before each: slow, but never silent for long. */
    public static ArtifactServer.Reply trickle(int pieces, long pauseMillis) {
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
    public static final ArtifactServer.Reply NO_ANSWER = (server, exchange) -> server.hang();

    public static ArtifactServer.Reply redirectTo(String path) {
        return (server, exchange) -> {
            exchange.getResponseHeaders().set("Location", server.uri(path).toString());
            exchange.sendResponseHeaders(302, -1);
        };
    }

    /** Announces exactly {@code n} bytes (fewer than the file) and sends them: the whole body is short. */
    public static ArtifactServer.Reply shortAnnounced(int n) {
        return (server, exchange) -> {
            exchange.sendResponseHeaders(200, n);
            server.write(exchange, 0, n);
        };
    }

    /** The whole file, then filler until the client hangs up: a body that never ends. */
    public static final ArtifactServer.Reply ENDLESS = (server, exchange) -> {
        exchange.sendResponseHeaders(200, 0);
        server.write(exchange, 0, server.data.length);
        byte[] filler = new byte[16 * 1024];
        while (!server.closing()) {
            exchange.getResponseBody().write(filler); // fails once the client has dropped the connection
            server.bytesServed.addAndGet(filler.length);
        }
    };

    /** Redirects every request to its own address, so following redirects never ends. */
    public static final ArtifactServer.Reply REDIRECT_LOOP = (server, exchange) -> {
        exchange.getResponseHeaders().set("Location", server.uri(exchange.getRequestURI().getPath()).toString());
        exchange.sendResponseHeaders(302, -1);
    };

    /** Redirects to the same path over plain http, a downgrade the client must not follow. */
    public static final ArtifactServer.Reply REDIRECT_TO_PLAIN_HTTP = (server, exchange) -> {
        String target = server.uri(exchange.getRequestURI().getPath()).toString().replaceFirst("^https:", "http:");
        exchange.getResponseHeaders().set("Location", target);
        exchange.sendResponseHeaders(302, -1);
    };

    /** 206 Partial Content for a request that asked for no range, without a Content-Range header. */
    public static final ArtifactServer.Reply PARTIAL_WITHOUT_RANGE = (server, exchange) -> {
        exchange.sendResponseHeaders(206, server.data.length);
        server.write(exchange, 0, server.data.length);
    };
}
