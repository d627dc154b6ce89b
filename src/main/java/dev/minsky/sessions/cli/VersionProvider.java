package dev.minsky.sessions.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code minsky-sessions <version>}, the version being the one Maven filtered into /version.properties. */
final class VersionProvider implements IVersionProvider {
    static final String UNKNOWN = "unknown";

    @Override
    public String[] getVersion() {
        return new String[] {Cli.NAME + " " + version()};
    }

    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", UNKNOWN).trim();
            // Unfiltered (run from an IDE without Maven's resource step): better "unknown" than "${…}".
            return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
