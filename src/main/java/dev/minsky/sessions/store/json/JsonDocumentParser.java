package dev.minsky.sessions.store.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.minsky.sessions.domain.JsonValue;
import dev.minsky.sessions.domain.JsonValue.JsonArray;
import dev.minsky.sessions.domain.JsonValue.JsonObject;
import dev.minsky.sessions.domain.SessionField;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.store.MalformedStoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a session file's bytes into a {@link JsonDocument}, accepting every shape Minsky wrote.
 * Anything it cannot read exactly is a {@link MalformedStoreException} naming the file and the
 * line and column, or the record, so the user can find it; nothing is guessed or dropped.
 */
final class JsonDocumentParser {
    private static final JsonFactory FACTORY = JsonValueParser.FACTORY;
    /** The first bytes of every SQLite 3 database file. */

    private final Path file;

    JsonDocumentParser(Path file) {
        this.file = file;
    }

    JsonDocument parse(byte[] bytes) {
        if (isBlank(bytes)) {
            return JsonDocument.empty();
        }
        if (dev.minsky.sessions.store.SqliteFiles.isSqlite(bytes)) {
            throw new MalformedStoreException(file + " is a SQLite database, not a JSON session file: open it as "
                    + "SQLite (sqlite:PATH). The file was not changed.");
        }
        boolean trailingNewline = bytes[bytes.length - 1] == '\n';
        Optional<List<JsonValue>> fast = ParallelArrayParser.parse(bytes);
        if (fast.isPresent()) {
            return new JsonDocument(JsonShape.ARRAY, null, records(new JsonArray(fast.get()), "", bytes), Set.of(),
                    trailingNewline);
        }
        JsonValue top;
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw malformed(p.currentLocation(), "the file ends before its JSON value");
            }
            top = JsonValueParser.read(p, first);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw malformed(p.currentTokenLocation(), "unexpected content after the end of the JSON value");
            }
        } catch (StreamConstraintsException e) {
            throw new MalformedStoreException(file + ": " + e.getOriginalMessage() + ". The file was not changed.", e);
        } catch (JsonParseException e) {
            throw malformed(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedStoreException(file + ": cannot be read: " + e.getMessage(), e);
        }
        if (top instanceof JsonArray array) {
            return new JsonDocument(JsonShape.ARRAY, null, records(array, "", bytes), Set.of(), trailingNewline);
        }
        if (top instanceof JsonObject object) {
            if (object.get("sessions") instanceof JsonArray sessions) {
                return new JsonDocument(JsonShape.SESSIONS_OBJECT, object, records(sessions, "sessions", bytes),
                        Set.of(), trailingNewline);
            }
            if (object.get("data") instanceof JsonObject data && data.get("sessions") instanceof JsonArray sessions) {
                return new JsonDocument(JsonShape.ENVELOPE, object, records(sessions, "data.sessions", bytes),
                        Set.of(), trailingNewline);
            }
            return keyed(object, trailingNewline);
        }
        throw new MalformedStoreException(file + ": expected a list of sessions (an array, {\"sessions\": [...]}, "
                + "an object keyed by session name, or a backup envelope) but the file holds " + describe(top)
                + ". The file was not changed.");
    }

    private LinkedHashMap<String, SessionRecord> records(JsonArray array, String path, byte[] bytes) {
        LinkedHashMap<String, SessionRecord> out = new LinkedHashMap<>(array.elements().size() * 4 / 3 + 1);
        Set<String> duplicates = new LinkedHashSet<>();
        List<JsonValue> elements = array.elements();
        for (int i = 0; i < elements.size(); i++) {
            JsonValue element = elements.get(i);
            if (!(element instanceof JsonObject object)) {
                throw recordError(bytes, path, i, "is " + describe(element) + ", not an object");
            }
            JsonValue name = object.get(SessionField.SESSION);
            if (name == null) {
                throw recordError(bytes, path, i, "has no \"session\" field");
            }
            if (!(name instanceof JsonValue.JsonString s) || s.value().isBlank()) {
                throw recordError(bytes, path, i, "has a \"session\" field that is not a non-blank text: " + name.toJson());
            }
            if (out.putIfAbsent(s.value(), SessionRecord.of(object)) != null) {
                duplicates.add(s.value());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new MalformedStoreException(file + ": session names occur more than once: "
                    + String.join(", ", duplicates.stream().map(n -> "'" + n + "'").toList())
                    + ". Each name must be unique; the file was not changed.");
        }
        return out;
    }

    private JsonDocument keyed(JsonObject object, boolean trailingNewline) {
        LinkedHashMap<String, SessionRecord> out = new LinkedHashMap<>(object.size() * 4 / 3 + 1);
        Set<String> inline = new HashSet<>();
        for (Map.Entry<String, JsonValue> e : object.members().entrySet()) {
            String key = e.getKey();
            if (!(e.getValue() instanceof JsonObject value)) {
                throw new MalformedStoreException(file + ": expected a list of sessions; read as an object keyed by "
                        + "session name, but the value of '" + key + "' is " + describe(e.getValue())
                        + ", not a session object. The file was not changed.");
            }
            if (key.isBlank()) {
                throw new MalformedStoreException(file + ": a session is keyed by a blank name. The file was not changed.");
            }
            JsonValue inner = value.get(SessionField.SESSION);
            if (inner != null) {
                if (!(inner instanceof JsonValue.JsonString s) || !s.value().equals(key)) {
                    throw new MalformedStoreException(file + ": the session keyed '" + key
                            + "' names itself " + inner.toJson() + " inside. The file was not changed.");
                }
                inline.add(key);
                out.put(key, SessionRecord.of(value));
            } else {
                LinkedHashMap<String, JsonValue> fields = new LinkedHashMap<>(value.size() + 2);
                fields.put(SessionField.SESSION, JsonValue.of(key));
                fields.putAll(value.members());
                out.put(key, SessionRecord.of(JsonObject.adopt(fields)));
            }
        }
        return new JsonDocument(JsonShape.KEYED, object, out, inline, trailingNewline);
    }

    private MalformedStoreException recordError(byte[] bytes, String path, int index, String problem) {
        String where = locateElement(bytes, path, index);
        return new MalformedStoreException(file + ": record " + (index + 1) + where + " " + problem
                + ". The file was not changed.");
    }

    /** Finds where element {@code index} of the sessions array starts (only when reporting an error). */
    private String locateElement(byte[] bytes, String path, int index) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            p.nextToken();
            for (String key : path.isEmpty() ? new String[0] : path.split("\\.")) {
                while (p.nextToken() == JsonToken.FIELD_NAME && !p.currentName().equals(key)) {
                    p.nextToken();
                    p.skipChildren();
                }
                p.nextToken();
            }
            for (int i = 0; i <= index; i++) {
                JsonToken t = p.nextToken();
                if (i == index) {
                    JsonLocation loc = p.currentTokenLocation();
                    return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the location is a courtesy; the record number is still given
        }
        return "";
    }


    private MalformedStoreException malformed(JsonLocation loc, String message) {
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String msg = message == null ? "invalid JSON" : message.replaceAll("\\s+", " ").trim();
        return new MalformedStoreException(file + ": invalid JSON" + where + ": " + msg + ". The file was not changed.");
    }

    private static String describe(JsonValue v) {
        if (v instanceof JsonObject) {
            return "an object";
        } else if (v instanceof JsonArray) {
            return "an array";
        } else if (v instanceof JsonValue.JsonString) {
            return "a text";
        } else if (v instanceof JsonValue.JsonNumber n) {
            return "the number " + n.literal();
        } else if (v instanceof JsonValue.JsonBoolean b) {
            return "the value " + b.value();
        }
        return "null";
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
