package dev.minsky.sessions.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a real process: libraries log to the process's own stderr, which the
 * in-process tests do not capture. An unreachable server must still give exactly one line.
 */
class ProcessErrorOutputTest {
    @TempDir
    Path home;

    @Test
    void anUnreachableServerGivesOneLineOnStderrAndNoPassword() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), "dev.minsky.sessions.Launcher",
                "list", "--store", "postgresql://u:s3cret-pw@127.0.0.1:" + port + "/db?connect_timeout=2");
        pb.environment().put("HOME", home.toString()); // the app, like Minsky and libpq, prefers $HOME to user.home
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(Cli.UNAVAILABLE, p.waitFor(), err);
        assertEquals("", out);
        List<String> lines = err.strip().lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("minsky-sessions: cannot open postgresql://u:****@127.0.0.1:" + port), err);
        assertFalse(err.contains("s3cret-pw"), err);
    }
}
