package dev.minsky.sessions.connect;

import static dev.minsky.sessions.connect.Checks.assertContains;
import static dev.minsky.sessions.connect.Checks.assertFailsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.PostgresUrl;
import dev.minsky.sessions.testsupport.TestPostgres;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSL modes as libpq means them, against the real server. CI's Debian cluster has ssl = on with a
 * self-signed certificate; the embedded server has SSL off. Each test states what happens on both,
 * explicitly: nothing is skipped.
 */
class ConnectionCheckTlsTest {
    @TempDir
    Path home;

    @Test
    void sslRequireEncryptsWhenTheServerHasSslAndFailsPlainlyWhenItHasNot() {
        PostgresUrl url = TestPostgres.newDatabase("tls_require").withSslMode("require");

        ConnectionReport report = Checks.run(url, Map.of(), home);

        if (TestPostgres.isExternal()) {
            assertTrue(report.ok(), report::describe);
            StageResult tls = report.stage(Stage.TLS);
            assertEquals(StageStatus.OK, tls.status());
            assertTrue(tls.detail().matches("on: TLSv1\\.[23] \\S+, certificate not verified \\(sslmode=require\\)"),
                    tls::detail);
            assertContains(report.stage(Stage.DATABASE).detail(), "over TLS");
        } else {
            StageResult tls = assertFailsAt(report, Stage.TLS);
            assertContains(tls.detail(), "the server does not accept SSL, but sslmode=require requires it");
            assertContains(tls.fix().orElseThrow(), "use sslmode=prefer");
            assertContains(tls.fix().orElseThrow(), "enable ssl on the server");
        }
    }

    @Test
    void sslPreferUsesTlsWhenOfferedAndGoesOnWithoutOtherwise() {
        PostgresUrl url = TestPostgres.newDatabase("tls_prefer").withSslMode("prefer");

        ConnectionReport report = Checks.run(url, Map.of(), home);

        assertTrue(report.ok(), report::describe);
        StageResult tls = report.stage(Stage.TLS);
        assertEquals(StageStatus.OK, tls.status());
        if (TestPostgres.isExternal()) {
            assertTrue(tls.detail().startsWith("on: TLSv1."), tls::detail);
            assertContains(report.stage(Stage.DATABASE).detail(), "over TLS");
        } else {
            assertContains(tls.detail(), "off (the server does not offer SSL; sslmode=prefer goes on without)");
            assertContains(report.stage(Stage.DATABASE).detail(), "without TLS");
        }
    }

    @Test
    void sslAllowStartsWithoutTlsLikeLibpq() {
        PostgresUrl url = TestPostgres.newDatabase("tls_allow").withSslMode("allow");

        ConnectionReport report = Checks.run(url, Map.of(), home);

        assertTrue(report.ok(), report::describe);
        String tls = report.stage(Stage.TLS).detail();
        if (TestPostgres.isExternal()) {
            assertEquals("off (sslmode=allow starts without TLS; the server also offers it)", tls);
        } else {
            assertEquals("off (the server does not offer SSL; sslmode=allow goes on without)", tls);
        }
        assertContains(report.stage(Stage.DATABASE).detail(), "without TLS");
    }

    @Test
    void sslDisableNeverAsks() {
        PostgresUrl url = TestPostgres.newDatabase("tls_disable").withSslMode("disable");

        ConnectionReport report = Checks.run(url, Map.of(), home);

        assertTrue(report.ok(), report::describe);
        assertEquals("off (sslmode=disable)", report.stage(Stage.TLS).detail());
        assertContains(report.stage(Stage.DATABASE).detail(), "without TLS");
    }

    @Test
    void verifyFullWithoutARootCertificateFailsAtTls() {
        Path missing = home.resolve("nowhere/root.crt");
        PostgresUrl url = TestPostgres.newDatabase("tls_vfull").withSslMode("verify-full");

        ConnectionReport report = Checks.run(url, Map.of("PGSSLROOTCERT", missing.toString()), home);

        StageResult tls = assertFailsAt(report, Stage.TLS);
        if (TestPostgres.isExternal()) {
            assertContains(tls.detail(), "root certificate file " + missing + " does not exist");
            assertContains(tls.detail(), "sslmode=verify-full needs it");
            assertContains(tls.fix().orElseThrow(), "PGSSLROOTCERT");
            assertContains(tls.fix().orElseThrow(), "sslmode=require");
        } else {
            // like libpq, the server's refusal comes first: there is no certificate to verify
            assertContains(tls.detail(), "the server does not accept SSL, but sslmode=verify-full requires it");
        }
    }

    @Test
    void verifyCaTrustsTheGivenRootAndVerifyFullAlsoChecksTheHostName() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("tls_vca");
        Path root = home.resolve(".postgresql/root.crt");
        Files.createDirectories(root.getParent());

        if (TestPostgres.isExternal()) {
            // the server's own (self-signed) certificate as the root, found where libpq looks by default
            Files.writeString(root, pem(serverCertificates(url)), StandardCharsets.US_ASCII);

            ConnectionReport ca = Checks.run(url.withSslMode("verify-ca"), Map.of(), home);
            assertTrue(ca.ok(), ca::describe);
            assertContains(ca.stage(Stage.TLS).detail(), "certificate chain verified against " + root);

            // Debian's snakeoil certificate names the machine, never 127.0.0.1
            ConnectionReport full = Checks.run(url.withSslMode("verify-full"), Map.of(), home);
            StageResult tls = assertFailsAt(full, Stage.TLS);
            assertContains(tls.detail(), "the server's certificate does not name host " + url.host());
            assertContains(tls.fix().orElseThrow(), "sslmode=verify-ca");
        } else {
            Files.writeString(root, "not used: the embedded server has no SSL\n");
            ConnectionReport ca = Checks.run(url.withSslMode("verify-ca"), Map.of(), home);
            StageResult tls = assertFailsAt(ca, Stage.TLS);
            assertContains(tls.detail(), "does not accept SSL");
        }
    }

    @Test
    void aRootThatDidNotSignTheServerCertificateFailsAtTls() throws Exception {
        PostgresUrl url = TestPostgres.newDatabase("tls_wrongca").withSslMode("verify-ca");
        Path root = home.resolve("other-ca.crt");
        // any valid certificate that is not the server's: one from the JDK's own trust store
        Files.writeString(root, pem(List.of(someJdkCaCertificate())), StandardCharsets.US_ASCII);

        ConnectionReport report = Checks.run(url, Map.of("PGSSLROOTCERT", root.toString()), home);

        StageResult tls = assertFailsAt(report, Stage.TLS);
        if (TestPostgres.isExternal()) {
            assertContains(tls.detail(), "the server's certificate cannot be verified against " + root);
        } else {
            assertContains(tls.detail(), "does not accept SSL");
        }
    }

    /** The server's certificate, fetched through the TLS stage itself with sslmode=require. */
    private List<Certificate> serverCertificates(PostgresUrl url) throws Exception {
        PostgresUrl require = url.withSslMode("require");
        TlsProbe probe = new TlsProbe(require, Map.of(), home, new Deadline(Duration.ofSeconds(10)), new Cancellation());
        Outcome outcome = probe.run(new InetSocketAddress(require.host(), require.port()));
        assertEquals(StageStatus.OK, outcome.status(), outcome::detail);
        assertFalse(probe.peerCertificates().isEmpty());
        return probe.peerCertificates();
    }

    private static Certificate someJdkCaCertificate() throws Exception {
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((java.security.KeyStore) null);
        javax.net.ssl.X509TrustManager tm = (javax.net.ssl.X509TrustManager) tmf.getTrustManagers()[0];
        return tm.getAcceptedIssuers()[0];
    }

    private static String pem(List<Certificate> certificates) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (Certificate c : certificates) {
            sb.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return sb.toString();
    }
}
