package dev.minsky.sessions.store.json;

import dev.minsky.sessions.domain.JsonUtf8;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.JsonValue.JsonArray;
import dev.minsky.sessions.domain.JsonValue.JsonObject;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
    private volatile List<SessionRecord> byName;

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

    Collection<SessionRecord> all() {
        return Collections.unmodifiableCollection(records.values());
    }

    /** The records by session name (the default order of every listing), sorted once per document. */
    List<SessionRecord> byName() {
        List<SessionRecord> sorted = byName;
        if (sorted == null) {
            String[] names = records.keySet().toArray(new String[0]);
            java.util.Arrays.parallelSort(names);
            SessionRecord[] out = new SessionRecord[names.length];
            for (int i = 0; i < names.length; i++) {
                out[i] = records.get(names[i]);
            }
            sorted = List.of(out);
            byName = sorted;
        }
        return sorted;
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

    /**
     * This document holding exactly {@code replacement} (in its order), in the same shape with the
     * same other top-level keys; a keyed file keeps repeating the name inside the values that did.
     */
    JsonDocument replacedBy(LinkedHashMap<String, SessionRecord> replacement) {
        Set<String> inline = keyedInlineNames;
        if (!inline.isEmpty()) {
            inline = new HashSet<>(inline);
            inline.retainAll(replacement.keySet());
        }
        return new JsonDocument(shape, root, new LinkedHashMap<>(replacement), inline, trailingNewline);
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
        byte[] text = JsonUtf8.bytes(top, INDENT);
        if (!trailingNewline) {
            return text;
        }
        byte[] withNewline = java.util.Arrays.copyOf(text, text.length + 1);
        withNewline[text.length] = '\n';
        return withNewline;
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
