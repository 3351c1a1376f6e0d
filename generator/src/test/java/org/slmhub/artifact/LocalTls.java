package org.slmhub.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1, made by the JDK's keytool once per test JVM, so a test
 * server can speak HTTPS: manifests may only name https URLs, and the store's download path is
 * tested as users meet it, without an exception for plain http.
 */
public final class LocalTls {
    private static final char[] PASSWORD = "slmhub-test".toCharArray();
    private static SSLContext context;

    private LocalTls() {
    }

    /** Serves with the certificate and trusts only it. */
    public static synchronized SSLContext context() throws IOException {
        if (context == null) {
            context = create();
        }
        return context;
    }

    /**
     * Makes every HttpClient built until {@code close()} trust the local certificate (HttpClient takes
     * {@link SSLContext#getDefault()} when it is built), then puts the JVM's own default back.
     */
    public static AutoCloseable trustedByDefault() throws IOException, GeneralSecurityException {
        SSLContext previous = SSLContext.getDefault();
        SSLContext.setDefault(context());
        return () -> SSLContext.setDefault(previous);
    }

    private static SSLContext create() throws IOException {
        Path dir = Files.createTempDirectory("slmhub-tls");
        Path store = dir.resolve("local.p12");
        try {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                    "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", new String(PASSWORD),
                    "-alias", "local", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1"))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            km.init(keys, PASSWORD);
            TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tm.init(keys);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(km.getKeyManagers(), tm.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load the test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the test certificate", e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }
}
