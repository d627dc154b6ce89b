package dev.minsky.sessions.store.json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * What a session file looked like when it was last read or written: its metadata (cheap to compare
 * before every read) and a checksum of its bytes (compared under the write lock, because a file
 * rewritten within one timestamp tick can keep its size and modification time).
 */
record FileState(boolean exists, long size, long modifiedNanos, Object fileKey, long checksum) {

    static final FileState MISSING = new FileState(false, 0, 0, null, 0);

    /** The metadata of {@code path} now (checksum unknown: 0). */
    static FileState stat(Path path) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new FileState(true, a.size(), a.lastModifiedTime().toInstant().getEpochSecond() * 1_000_000_000L
                    + a.lastModifiedTime().toInstant().getNano(), a.fileKey(), 0);
        } catch (NoSuchFileException e) {
            return MISSING;
        }
    }

    FileState withChecksum(byte[] content) {
        return new FileState(exists, size, modifiedNanos, fileKey, checksum(content));
    }

    static long checksum(byte[] content) {
        CRC32C crc = new CRC32C();
        crc.update(content);
        return crc.getValue() ^ ((long) content.length << 32);
    }

    /** Same file, same metadata (the checksum is not compared). */
    boolean sameMetadata(FileState other) {
        return exists == other.exists && size == other.size && modifiedNanos == other.modifiedNanos
                && Objects.equals(fileKey, other.fileKey);
    }
}
