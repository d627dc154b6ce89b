package dev.minsky.sessions.connect;

import dev.minsky.sessions.store.PostgresUrl;

/**
 * What to say when the deadline runs out: where the silence happened says most about why (DNS,
 * a firewall, a port that is not PostgreSQL, a stuck server).
 */
final class TimeoutAdvice {
    private TimeoutAdvice() {
    }

    static Outcome timedOut(Stage stage, PostgresUrl url, Deadline deadline) {
        String where = url.host() + ":" + url.port();
        String within = "within " + deadline.budgetText();
        String raise = "or raise connect_timeout in the URL";
        switch (stage) {
            case RESOLVE:
                return Outcome.failed("no answer from DNS for '" + url.host() + "' " + within,
                        "check the host name and the DNS or VPN settings, " + raise);
            case TCP:
                return Outcome.failed("no answer from " + where + " " + within,
                        "the host may be down, or a firewall silently drops the packets: check host and port, " + raise);
            case TLS:
                return Outcome.failed(where + " accepted the connection but did not answer the SSL request " + within,
                        "is " + where + " really a PostgreSQL server (not another service or a stuck proxy)? " + raise);
            case AUTH:
                return Outcome.failed("no answer while logging in to " + where + " " + within,
                        "the server may be overloaded or stuck, or the port is not PostgreSQL; " + raise);
            default:
                return Outcome.failed("no answer from the server " + within + " (" + stage.title() + ")",
                        "the server is slow or busy (locks?): try again, " + raise);
        }
    }
}
