package dev.minsky.sessions.gui.migration;

import dev.minsky.sessions.migrate.FieldDifference;

/** One differing field, as the field-by-field tables show it: name, source value, target value. */
public record FieldRow(String field, String source, String target) {

    /** {@code missing} is the text shown for a field one side does not have. */
    static FieldRow of(FieldDifference d, String missing) {
        return new FieldRow(d.field(), d.source() == null ? missing : d.source().toJson(),
                d.target() == null ? missing : d.target().toJson());
    }
}
