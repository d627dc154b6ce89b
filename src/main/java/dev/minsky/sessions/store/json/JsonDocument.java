package dev.minsky.sessions.store.json;

import dev.minsky.sessions.domain.JsonText;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.JsonValue.JsonArray;
import dev.minsky.sessions.domain.JsonValue.JsonObject;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of a session file: its records in file order plus everything needed to write it back
 * in the same shape and, when nothing changed, to the same bytes (the other top-level keys, whether
 * a keyed file repeats the name inside each value, whether the file ended with a newline).
 * Immutable; changes return a new document.
 */
final class JsonDocument {
    static final int INDENT = 2;

    private final JsonShape shape;
    private final JsonObject root; // null for ARRAY; for the object shapes, the top-level object as read
    private final LinkedHashMap<String, SessionRecord> records;
    private final Set<String> keyedInlineNames;
    private final boolean trailingNewline;

    JsonDocument(JsonShape shape, JsonObject root, LinkedHashMap<String, SessionRecord> records,
                 Set<String> keyedInlineNames, boolean trailingNewline) {
        this.shape = shape;
        this.root = root;
        this.records = records;
        this.keyedInlineNames = keyedInlineNames;
        this.trailingNewline = trailingNewline;
    }

    /** The document of a missing or empty file: a bare array, as Minsky starts one. */
    static JsonDocument empty() {
        return new JsonDocument(JsonShape.ARRAY, null, new LinkedHashMap<>(), Set.of(), false);
    }

    JsonShape shape() {
        return shape;
    }

    Map<String, SessionRecord> records() {
        return Collections.unmodifiableMap(records);
    }

    Collection<SessionRecord> all() {
        return Collections.unmodifiableCollection(records.values());
    }

    SessionRecord get(String session) {
        return records.get(session);
    }

    /** This document with {@code record} stored: replacing one of the same name in place, else appended. */
    JsonDocument with(SessionRecord record) {
        return withAll(List.of(record));
    }

    JsonDocument withAll(List<SessionRecord> changed) {
        LinkedHashMap<String, SessionRecord> copy = new LinkedHashMap<>(records);
        for (SessionRecord r : changed) {
            copy.put(r.session(), r);
        }
        return new JsonDocument(shape, root, copy, keyedInlineNames, trailingNewline);
    }

    JsonDocument without(String session) {
        LinkedHashMap<String, SessionRecord> copy = new LinkedHashMap<>(records);
        copy.remove(session);
        Set<String> inline = keyedInlineNames;
        if (inline.contains(session)) {
            inline = new HashSet<>(inline);
            inline.remove(session);
        }
        return new JsonDocument(shape, root, copy, inline, trailingNewline);
    }

    /** The file's bytes: UTF-8, 2-space indent, as {@code JSON.stringify(data, null, 2)} writes them. */
    byte[] render() {
        JsonValue top = switch (shape) {
            case ARRAY -> sessionsArray();
            case SESSIONS_OBJECT -> replace(root, "sessions", sessionsArray());
            case ENVELOPE -> replace(root, "data", replace((JsonObject) root.get("data"), "sessions", sessionsArray()));
            case KEYED -> keyedObject();
        };
        StringBuilder sb = new StringBuilder(Math.max(1024, records.size() * 512));
        JsonText.write(top, sb, INDENT, 0);
        if (trailingNewline) {
            sb.append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonArray sessionsArray() {
        List<JsonValue> elements = new ArrayList<>(records.size());
        for (SessionRecord r : records.values()) {
            elements.add(r.fields());
        }
        return new JsonArray(elements);
    }

    private JsonObject keyedObject() {
        LinkedHashMap<String, JsonValue> out = new LinkedHashMap<>();
        for (SessionRecord r : records.values()) {
            if (keyedInlineNames.contains(r.session())) {
                out.put(r.session(), r.fields());
            } else {
                LinkedHashMap<String, JsonValue> value = new LinkedHashMap<>(r.fields().members());
                value.remove(SessionField.SESSION);
                out.put(r.session(), JsonObject.adopt(value));
            }
        }
        return JsonObject.adopt(out);
    }

    private static JsonObject replace(JsonObject object, String key, JsonValue value) {
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(object.members());
        copy.put(key, value);
        return JsonObject.adopt(copy);
    }
}
