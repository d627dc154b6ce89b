package dev.minsky.sessions.cli;

import dev.minsky.sessions.domain.SessionRecord;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** {@code list --format csv}: RFC 4180 (CRLF line ends, fields quoted only when they need it). */
final class SessionCsv {
    static final List<String> COLUMNS = List.of("session", "taskId", "repoName", "repoUrl", "branch", "createdAt",
            "backendType", "prBranch", "prApproved");
    private static final String CRLF = "\r\n";

    private SessionCsv() {
    }

    static void write(List<SessionRecord> records, Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write(CRLF);
        StringBuilder line = new StringBuilder(256);
        for (SessionRecord r : records) {
            line.setLength(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                field(Cells.plain(r.get(COLUMNS.get(c))), line);
            }
            line.append(CRLF);
            out.append(line);
        }
    }

    static void field(String value, StringBuilder line) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char ch = value.charAt(i);
            quote = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            line.append(ch);
            if (ch == '"') {
                line.append('"');
            }
        }
        line.append('"');
    }
}
