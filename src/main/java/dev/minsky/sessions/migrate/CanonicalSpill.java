package dev.minsky.sessions.migrate;

import dev.minsky.sessions.store.StoreException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The canonical forms ({@link RecordDigest}) of the records a migration's copy read, in the order it read them, kept
 * in a temporary file until its verification reads them back in the same order: the verification then hashes each
 * once, for the source's digest and, when the target's record has the same canonical bytes, for the target's too.
 * The copy hashes nothing, and memory holds one buffer, whatever the number of records (about 340 bytes a record on
 * disk: 34 MB for 100,000).
 *
 * <p>The file is made by {@link Files#createTempFile} (readable by its owner only where the file system has
 * permissions) and opened delete-on-close, which on Linux and macOS unlinks it at once: not even a killed run leaves
 * it behind.
 *
 * <p>Writing never fails the copy: a file that cannot be made or written is {@link #failed()}, and the verification
 * then reads the source again instead (as the {@code verify} command does). A read that fails during the verification
 * is a {@link StoreException}, reported as the verification's failure.
 *
 * <p>Written on one thread (the copy's), then read on one thread (the verification's reader); the hand-over between
 * them is an executor's.
 */
final class CanonicalSpill implements AutoCloseable {
    private static final int BUFFER = 1 << 18;

    private final Path path;
    private FileChannel file;
    private ByteBuffer buffer;
    private long readPosition;
    private Exception failure;

    private CanonicalSpill(Path path, FileChannel file, Exception failure) {
        this.path = path;
        this.file = file;
        this.failure = failure;
        this.buffer = file == null ? null : ByteBuffer.allocateDirect(BUFFER);
    }

    /** A new, empty file in {@code directory} (the system's temporary folder when null); {@link #failed()} if none. */
    static CanonicalSpill open(Path directory) {
        Path path = null;
        try {
            path = directory == null ? Files.createTempFile("minsky-verify-", ".canonical")
                    : Files.createTempFile(directory, "minsky-verify-", ".canonical");
            FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
            return new CanonicalSpill(path, file, null);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(path);
            return new CanonicalSpill(path, null, e);
        }
    }

    /** Whether the file could not be made or written: the verification must not use it. */
    boolean failed() {
        return failure != null;
    }

    /** Why it failed (the file and the system's reason: {@code …: No space left on device}), or null. */
    String why() {
        if (failure instanceof NoSuchFileException e) {
            return e.getFile() + ": no such folder";
        }
        if (failure instanceof AccessDeniedException e) {
            return e.getFile() + ": access denied";
        }
        if (failure instanceof FileSystemException e && e.getReason() != null) {
            return e.getFile() + ": " + e.getReason();
        }
        return failure == null ? null : failure.getMessage() != null ? failure.getMessage() : failure.toString();
    }

    /** Adds {@code bytes[from, from + length)} after what was written before. */
    void append(byte[] bytes, int from, int length) {
        if (failure != null) {
            return;
        }
        if (length > buffer.remaining()) {
            flush();
            if (length > buffer.capacity()) {
                writeFully(ByteBuffer.wrap(bytes, from, length));
                return;
            }
        }
        buffer.put(bytes, from, length);
    }

    /** Everything appended is in the file (reading starts from its beginning). */
    void finishWriting() {
        flush();
    }

    /**
     * The next {@code length} bytes after those read before, from the start of {@code reuse} when it is long enough
     * (else of a new array, returned).
     */
    byte[] read(byte[] reuse, int length) {
        byte[] out = reuse.length >= length ? reuse : new byte[Math.max(length, reuse.length * 2)];
        ByteBuffer into = ByteBuffer.wrap(out, 0, length);
        try {
            while (into.hasRemaining()) {
                int n = file.read(into, readPosition);
                if (n < 0) {
                    throw new EOFException("the file ends at " + readPosition + " bytes");
                }
                readPosition += n;
            }
        } catch (IOException e) {
            throw new StoreException("reading back the records the copy read, kept in the temporary file " + path
                    + ", failed: " + e.getMessage(), e);
        }
        return out;
    }

    private void flush() {
        if (failure != null) {
            return;
        }
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer bytes) {
        try {
            while (bytes.hasRemaining()) {
                file.write(bytes);
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Closes (and so deletes) the file. */
    @Override
    public void close() {
        buffer = null;
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // nothing to lose: the file only held copies, and delete-on-close has unlinked it where it can
            }
            file = null;
        }
        deleteQuietly(path); // where delete-on-close could not (it is gone already elsewhere)
    }

    private static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException e) {
            // a temporary file left in the temporary folder; nothing else depends on it
        }
    }
}
