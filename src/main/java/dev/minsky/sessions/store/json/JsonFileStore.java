package dev.minsky.sessions.store.json;

import dev.minsky.sessions.domain.SessionPatch;
import dev.minsky.sessions.domain.SessionQuery;
import dev.minsky.sessions.domain.SessionRecord;
import dev.minsky.sessions.domain.SessionValidator;
import dev.minsky.sessions.domain.ValidationProblem;
import dev.minsky.sessions.store.AtomicFiles;
import dev.minsky.sessions.store.BackupFiles;
import dev.minsky.sessions.store.ChangeToken;
import dev.minsky.sessions.store.DuplicateSessionException;
import dev.minsky.sessions.store.InvalidSessionException;
import dev.minsky.sessions.store.ReadOnlyStoreException;
import dev.minsky.sessions.store.SessionConflictException;
import dev.minsky.sessions.store.SessionNotFoundException;
import dev.minsky.sessions.store.SessionStore;
import dev.minsky.sessions.store.StoreException;
import dev.minsky.sessions.store.StoreLocation;
import dev.minsky.sessions.store.StoreUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Sessions in Minsky's JSON file (SPEC §2.1).
 *
 * <p>Reads serve a parsed copy that is refreshed whenever the file's metadata changes, so a change
 * made by Minsky's CLI is seen by the next call. Every write is a read-modify-write under
 * {@link FileLocks}: the file is read again, the change is applied to what is there now (with its
 * conflict checks), and the result replaces the file atomically. If the file changes again between
 * that read and the rename (a writer that does not lock, such as Minsky), the change is re-applied
 * to the newer content instead of overwriting it. A file that cannot be parsed is never written.
 *
 * <p>A store opened {@link #readOnly} never creates anything: no file, no folder, no lock file.
 */
public final class JsonFileStore implements SessionStore {
    private static final int MAX_WRITE_ATTEMPTS = 5;
    private static final int READ_SLICE = 1 << 20;
    /** Pages up to this size are parsed from a scanned file's text alone (a window's first page is 100 rows). */
    private static final int SCANNED_PAGE_MAX = 1000;

    private final Path file;
    private final StoreLocation.Json location;
    private final JsonDocumentParser parser;
    private final boolean writable;
    private volatile Snapshot snapshot;
    private volatile ScannedFile scannedFile;
    /** Held while the file is read and parsed or scanned, so concurrent readers do it once, not each. */
    private final Object loading = new Object();

    private record Snapshot(FileState state, JsonDocument document) {
    }

    public JsonFileStore(Path file) {
        this(file, true);
    }

    private JsonFileStore(Path file, boolean writable) {
        this.file = file.toAbsolutePath().normalize();
        this.location = new StoreLocation.Json(this.file);
        this.parser = new JsonDocumentParser(this.file);
        this.writable = writable;
    }

    /** The file opened for reading only: every write throws {@link ReadOnlyStoreException}. */
    public static JsonFileStore readOnly(Path file) {
        return new JsonFileStore(file, false);
    }

    public Path file() {
        return file;
    }

    @Override
    public StoreLocation location() {
        return location;
    }

    @Override
    public List<SessionRecord> list(SessionQuery query) {
        if (allByName(query) && query.limit() > 0 && query.limit() <= SCANNED_PAGE_MAX) {
            Optional<ScannedFile> scan = scanned(false);
            if (scan.isPresent()) {
                return scan.get().page(query.offset(), query.limit());
            }
        }
        Stream<SessionRecord> s = query.sort() == SessionQuery.SortField.SESSION && !query.descending()
                ? current().byName().stream().filter(query::matches)
                : current().all().stream().filter(query::matches).sorted(query.comparator());
        if (query.offset() > 0) {
            s = s.skip(query.offset());
        }
        if (query.limit() > 0) {
            s = s.limit(query.limit());
        }
        return s.toList();
    }

    /**
     * The whole list by name (the default of {@code list --format json}) is copied from the file's own text when
     * the file is already exactly what {@code JSON.stringify} writes ({@link CanonicalArrayScan}): the same bytes as
     * parsing and rendering every record, several times faster on a large file. Anything else takes the
     * ordinary path, which also reports a malformed file.
     */
    @Override
    public void writeJson(SessionQuery query, OutputStream out) throws IOException {
        if (allByName(query)) {
            Optional<ScannedFile> scan = scanned(true);
            if (scan.isPresent()) {
                scan.get().write(query.offset(), query.limit(), out);
                return;
            }
        }
        SessionStore.super.writeJson(query, out);
    }

    /** The total of a file scanned for a first page (a window's start) without parsing it; otherwise from the parse. */
    @Override
    public long count(SessionQuery query) {
        ScannedFile scan = scannedFile;
        if (!query.filters() && scan != null && scan.state().sameMetadata(stat())) {
            return scan.size();
        }
        return current().all().stream().filter(query::matches).count();
    }

    @Override
    public Optional<SessionRecord> get(String session) {
        return Optional.ofNullable(current().get(session));
    }

    /** From one snapshot of the file, so the answer is consistent. */
    @Override
    public Map<String, SessionRecord> getAll(Collection<String> sessions) {
        JsonDocument doc = current();
        Map<String, SessionRecord> found = new LinkedHashMap<>();
        for (String name : sessions) {
            SessionRecord r = doc.get(name);
            if (r != null) {
                found.put(name, r);
            }
        }
        return found;
    }

    /** Every write rewrites the whole file, so one write of everything beats many. */
    @Override
    public int batchSize(int requested) {
        return Integer.MAX_VALUE;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public SessionRecord create(SessionRecord record) {
        requireWritable();
        requireValid(record);
        mutate(doc -> {
            if (doc.get(record.session()) != null) {
                throw new DuplicateSessionException(record.session(), file.toString());
            }
            return doc.with(record);
        });
        return record;
    }

    @Override
    public SessionRecord update(SessionPatch patch, SessionRecord expected) {
        requireWritable();
        SessionRecord[] result = new SessionRecord[1];
        mutate(doc -> {
            SessionRecord stored = doc.get(patch.session());
            if (stored == null) {
                throw new SessionNotFoundException(patch.session(), file.toString());
            }
            checkUnchanged(stored, expected);
            SessionRecord updated = stored.apply(patch);
            requireValid(updated);
            result[0] = updated;
            // an empty patch writes nothing (exact text, so even a number's literal counts as a change)
            return updated.fields().toJson().equals(stored.fields().toJson()) ? doc : doc.with(updated);
        });
        return result[0];
    }

    @Override
    public void delete(String session, SessionRecord expected) {
        requireWritable();
        mutate(doc -> {
            SessionRecord stored = doc.get(session);
            if (stored == null) {
                throw new SessionNotFoundException(session, file.toString());
            }
            checkUnchanged(stored, expected);
            return doc.without(session);
        });
    }

    /**
     * Reads and parses the file on a daemon thread, as the first use would ({@link #current()}): the first use
     * then waits for that parse instead of starting its own. A file that cannot be read is reported by the
     * first use, which reads it again.
     */
    @Override
    public void readAhead() {
        Thread t = new Thread(() -> {
            try {
                current();
            } catch (RuntimeException leftForTheFirstUse) {
                // the first use reads the file again and reports what it finds
            }
        }, "json-read-ahead");
        t.setDaemon(true);
        t.start();
    }

    /** The file is read whole (ADR 4): its records are in memory. */
    @Override
    public boolean holdsRecordsInMemory() {
        return true;
    }

    /** File order, which is stable while the file is unchanged (a snapshot never changes: no copy needed). */
    @Override
    public Stream<SessionRecord> streamAll() {
        return current().all().stream();
    }

    @Override
    public void writeBatch(List<SessionRecord> records) {
        requireWritable();
        records.forEach(JsonFileStore::requireValid);
        if (!records.isEmpty()) {
            mutate(doc -> doc.withAll(records));
        }
    }

    /**
     * A byte copy of the file as one complete version of it (read the way every read is, so a
     * rewrite by Minsky while copying is not mixed in); a missing or empty file backs up as {@code []}.
     * Takes no lock, so it works on a read-only store and never waits for a writer.
     */
    @Override
    public Path backup(Path directory) {
        byte[] bytes;
        try {
            bytes = stableBytes();
        } catch (IOException e) {
            throw unreadable(e);
        }
        String name = file.getFileName().toString();
        if (bytes == null || bytes.length == 0) {
            return BackupFiles.writeEmpty(directory, name, file.toString());
        }
        return BackupFiles.write(directory, name, "json", file.toString(), tmp -> Files.write(tmp, bytes));
    }

    /**
     * Collects and validates every record first (the stream can be read only once, and a write may
     * be re-applied), then writes them as the whole file in its shape, under the lock like every write.
     */
    @Override
    public void replaceAll(Stream<SessionRecord> records) {
        requireWritable();
        LinkedHashMap<String, SessionRecord> replacement = new LinkedHashMap<>();
        records.forEachOrdered(r -> {
            requireValid(r);
            replacement.put(r.session(), r);
        });
        mutate(doc -> doc.replacedBy(replacement));
    }

    /**
     * The file's metadata as the snapshot compares it (size, modification time, file key; every
     * write by rename gives a new file key): no read of the content.
     */
    @Override
    public ChangeToken changeToken() {
        try {
            FileState s = FileState.stat(file);
            return new ChangeToken(s.exists() ? "json:" + s.size() + ":" + s.modifiedNanos() + ":" + s.fileKey()
                    : "json:missing");
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Watches the file's folder ({@link FileWatch}); empty when the folder does not exist (yet). */
    @Override
    public Optional<Watch> watch(Runnable mayHaveChanged) {
        return FileWatch.start(file, mayHaveChanged);
    }

    @Override
    public void close() {
        snapshot = null;
        scannedFile = null;
    }

    @Override
    public String toString() {
        return "JsonFileStore[" + file + "]";
    }

    private void checkUnchanged(SessionRecord stored, SessionRecord expected) {
        if (expected != null && !stored.equals(expected)) {
            throw new SessionConflictException(stored.session(), "session '" + stored.session()
                    + "' was changed in " + file + " since it was read (by Minsky or another program); "
                    + "reload it and apply the change again");
        }
    }

    private void requireWritable() {
        if (!writable) {
            throw new ReadOnlyStoreException(file.toString());
        }
    }

    private static void requireValid(SessionRecord record) {
        List<ValidationProblem> errors = SessionValidator.errors(record);
        if (!errors.isEmpty()) {
            throw new InvalidSessionException(record.session(), errors);
        }
    }

    /** Every session by name, unfiltered (any page): what a scanned file can answer without parsing. */
    private static boolean allByName(SessionQuery query) {
        return !query.filters() && query.sort() == SessionQuery.SortField.SESSION && !query.descending();
    }

    private FileState stat() {
        try {
            return FileState.stat(file);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * The file as {@link CanonicalArrayScan} finds it, when it is canonical, has no name twice and is not parsed
     * already (the parsed snapshot then answers): kept until the file changes or is parsed, so a window's first
     * page, its count and then the full parse read the file once. Empty for any other file (the parsed path then
     * reads it and reports what is wrong with it).
     *
     * @param everyCore scan a large file on every core (a whole listing); otherwise on this thread alone: a
     *                  window reads its first page while its views are built, and leaves them the other core
     */
    private Optional<ScannedFile> scanned(boolean everyCore) {
        synchronized (loading) { // one read at a time: a second reader waits for the scan or the parse
            FileState now = stat();
            Snapshot parsed = snapshot;
            if (parsed != null && parsed.state().sameMetadata(now)) {
                return Optional.empty();
            }
            ScannedFile s = scannedFile;
            if (s != null && s.state().sameMetadata(now)) {
                return Optional.of(s);
            }
            try {
                FileState[] state = new FileState[1];
                byte[] bytes = stableBytes(state);
                if (bytes == null) {
                    return Optional.empty();
                }
                Optional<ScannedFile> fresh = CanonicalArrayScan.scan(bytes, everyCore)
                        .flatMap(r -> ScannedFile.of(state[0], r));
                if (fresh.isPresent()) {
                    scannedFile = fresh.get();
                } else {
                    snapshot = new Snapshot(state[0].withChecksum(bytes), parser.parse(bytes)); // read once, not twice
                }
                return fresh;
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
    }

    /** The document as the file is now, re-read only when the file's metadata changed. */
    private JsonDocument current() {
        try {
            FileState now = FileState.stat(file);
            Snapshot s = snapshot;
            if (s != null && s.state().sameMetadata(now)) {
                return s.document();
            }
            synchronized (loading) { // one parse at a time: a second reader waits for it rather than parsing too
                s = snapshot;
                if (s != null && s.state().sameMetadata(FileState.stat(file))) {
                    return s.document();
                }
                Snapshot fresh = read();
                snapshot = fresh;
                return fresh.document();
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Reads and parses the file; a file that changes while being read is read again. */
    private Snapshot read() throws IOException {
        ScannedFile scan = scannedFile;
        scannedFile = null; // the parsed snapshot replaces it
        if (scan != null && scan.state().sameMetadata(FileState.stat(file))) {
            return new Snapshot(scan.state().withChecksum(scan.bytes()), parser.parse(scan.bytes()));
        }
        FileState[] state = new FileState[1];
        byte[] bytes = stableBytes(state);
        if (bytes == null) {
            return new Snapshot(FileState.MISSING, JsonDocument.empty());
        }
        return new Snapshot(state[0].withChecksum(bytes), parser.parse(bytes));
    }

    private byte[] stableBytes() throws IOException {
        return stableBytes(new FileState[1]);
    }

    /**
     * The file's bytes as one version of it (read again if it changes while being read), or null
     * when there is no file; {@code state[0]} receives its metadata after the read.
     */
    private byte[] stableBytes(FileState[] state) throws IOException {
        for (int attempt = 0; ; attempt++) {
            FileState before = FileState.stat(file);
            if (!before.exists()) {
                return null;
            }
            if (Files.isDirectory(file)) {
                throw new StoreUnavailableException(file + " is a folder, not a session file");
            }
            byte[] bytes;
            try {
                bytes = readBytes(file);
            } catch (NoSuchFileException e) {
                continue; // replaced by a rename between stat and read
            }
            FileState after = FileState.stat(file);
            if (!after.sameMetadata(before) && attempt < MAX_WRITE_ATTEMPTS) {
                sleepBriefly();
                continue;
            }
            state[0] = after;
            return bytes;
        }
    }

    private void mutate(UnaryOperator<JsonDocument> change) {
        try (FileLocks.Held lock = FileLocks.acquire(file)) {
            for (int attempt = 1; ; attempt++) {
                Snapshot base = readUnderLock();
                JsonDocument changed = change.apply(base.document());
                if (changed == base.document()) {
                    return;
                }
                byte[] bytes = changed.render();
                // Someone who does not take our lock (Minsky) may have written since we read: re-apply.
                if (!FileState.stat(file).sameMetadata(base.state())) {
                    if (attempt >= MAX_WRITE_ATTEMPTS) {
                        throw new SessionConflictException(null, file + " keeps changing while being written; "
                                + "nothing was written, try again");
                    }
                    continue;
                }
                AtomicFiles.write(file, bytes, null);
                snapshot = new Snapshot(FileState.stat(file).withChecksum(bytes), changed);
                return;
            }
        } catch (StoreException e) {
            throw e;
        } catch (IOException e) {
            throw new StoreUnavailableException("cannot write " + file + ": " + e.getMessage()
                    + ". The file was not changed.", e);
        }
    }

    /** Under the lock: the file's current content, reusing the parsed snapshot only if the bytes are the same. */
    private Snapshot readUnderLock() throws IOException {
        FileState state = FileState.stat(file);
        if (!state.exists()) {
            return new Snapshot(FileState.MISSING, JsonDocument.empty());
        }
        byte[] bytes;
        try {
            bytes = readBytes(file);
        } catch (NoSuchFileException e) {
            return new Snapshot(FileState.MISSING, JsonDocument.empty());
        }
        FileState withSum = FileState.stat(file).withChecksum(bytes);
        Snapshot s = snapshot;
        if (s != null && s.state().exists() && s.state().checksum() == withSum.checksum()) {
            Snapshot same = new Snapshot(withSum, s.document());
            snapshot = same;
            return same;
        }
        Snapshot fresh = new Snapshot(withSum, parser.parse(bytes));
        snapshot = fresh;
        return fresh;
    }

    /**
     * The file's bytes, read in slices of {@value #READ_SLICE} bytes into one array of the file's size.
     * {@code Files.readAllBytes} reads through a temporary native buffer as large as the file, which for a
     * 46 MB file cost 0.2 s of fresh memory before the first byte was copied (issue 2's benchmark).
     */
    static byte[] readBytes(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException(file + " is too large to read (" + size + " bytes)");
            }
            byte[] bytes = new byte[(int) size];
            int length = 0;
            while (true) {
                if (length == bytes.length) {
                    byte[] probe = new byte[1];
                    if (channel.read(ByteBuffer.wrap(probe)) < 0) {
                        return bytes; // the common case: exactly the size it had
                    }
                    // it grew while being read (the caller then sees new metadata and reads again)
                    bytes = Arrays.copyOf(bytes, Math.max(16, bytes.length * 2));
                    bytes[length++] = probe[0];
                    continue;
                }
                ByteBuffer slice = ByteBuffer.wrap(bytes, length, Math.min(READ_SLICE, bytes.length - length));
                int read = channel.read(slice);
                if (read < 0) {
                    return Arrays.copyOf(bytes, length);
                }
                length += read;
            }
        }
    }

    private StoreUnavailableException unreadable(IOException e) {
        return new StoreUnavailableException("cannot read " + file + ": " + e.getMessage(), e);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
