package dev.minsky.sessions.cli;

import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionRecord;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;

/** {@code list --format table}: aligned columns and a final "N of M sessions" line. */
final class SessionTable {
    private static final String[] HEADERS = {"SESSION", "TASK", "REPO", "BRANCH", "CREATED", "BACKEND", "PR"};
    private static final String GAP = "  ";

    private SessionTable() {
    }

    static void write(List<SessionRecord> records, long total, ZoneId zone, Writer out) throws IOException {
        String[][] rows = new String[records.size()][];
        int[] widths = new int[HEADERS.length];
        measure(HEADERS, widths);
        for (int i = 0; i < rows.length; i++) {
            rows[i] = row(records.get(i), zone);
            measure(rows[i], widths);
        }
        StringBuilder line = new StringBuilder(256);
        writeRow(HEADERS, widths, line, out);
        for (String[] row : rows) {
            writeRow(row, widths, line, out);
        }
        out.write(records.size() + " of " + total + " sessions\n");
    }

    private static String[] row(SessionRecord r, ZoneId zone) {
        return new String[] {
            Cells.oneLine(r.get(SessionField.SESSION)), Cells.oneLine(r.get(SessionField.TASK_ID)),
            Cells.oneLine(r.get(SessionField.REPO_NAME)), Cells.oneLine(r.get(SessionField.BRANCH)),
            Cells.created(r, zone), Cells.oneLine(r.get(SessionField.BACKEND_TYPE)), Cells.pr(r)};
    }

    private static void measure(String[] cells, int[] widths) {
        for (int c = 0; c < cells.length; c++) {
            widths[c] = Math.max(widths[c], width(cells[c]));
        }
    }

    private static void writeRow(String[] cells, int[] widths, StringBuilder line, Writer out) throws IOException {
        line.setLength(0);
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            line.append(cells[c]);
            for (int pad = widths[c] - width(cells[c]); pad > 0; pad--) {
                line.append(' ');
            }
        }
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--; // no trailing blanks when the last columns are empty
        }
        line.setLength(end);
        line.append('\n');
        out.append(line);
    }

    // Code points, so "üñí" and emoji count once each.
    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
