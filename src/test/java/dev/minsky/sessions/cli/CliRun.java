package dev.minsky.sessions.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/** One in-process run of the command line: its exit status and what it printed (decoded as UTF-8). */
record CliRun(int status, String out, String err, byte[] outBytes) {
    static final ZoneId ZONE = ZoneId.of("UTC");

    /** Runs with the given environment and a home folder that holds nothing unless the test put it there. */
    static CliRun run(Map<String, String> env, Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, out, err, env, home, ZONE);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    /** As {@link #run(Map, Path, String...)}, with {@code input} on stdin. */
    static CliRun runWithInput(String input, Map<String, String> env, Path home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, err,
                env, home, ZONE, false);
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    /** A fresh copy of a test fixture (src/test/resources/fixtures/…) in {@code dir}, so no test changes the original. */
    static Path copyFixture(String name, Path dir) {
        try (InputStream in = CliRun.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixtureText(String name) {
        try (InputStream in = CliRun.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String[] outLines() {
        return out.split("\n", -1);
    }
}
