package dev.minsky.sessions.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * The file side of {@link SessionStore#backup}, shared by every backend: a temporary file in the
 * backup folder, readable by its owner only from the moment it exists (a backup holds everything
 * the store holds), filled by the backend, fsynced, then published under a new name
 * {@code <store>-<UTC yyyyMMdd-HHmmss-SSS>.backup.<ext>} that never replaces an existing file.
 */
public final class BackupFiles {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** What a store that does not exist yet backs up as: the JSON store's empty file, as Minsky starts one. */
    private static final byte[] EMPTY_ARRAY = "[]\n".getBytes(StandardCharsets.UTF_8);

    private BackupFiles() {
    }

    /** Something that fills the temporary file (the backend's copy). */
    @FunctionalInterface
    public interface Filler {
        void fill(Path tmp) throws IOException;
    }

    /**
     * Creates {@code directory} if needed, lets {@code filler} write the copy into an empty
     * temporary file there, and publishes it under a new name. On any failure the temporary file is
     * removed and nothing else is left behind.
     *
     * @param storeName the store's file name or database name, the start of the backup's name
     * @param extension {@code db} or {@code json}
     * @param where     the store, as shown in error messages
     */
    public static Path write(Path directory, String storeName, String extension, String where, Filler filler) {
        Path dir = directory.toAbsolutePath().normalize();
        String base = safeName(storeName);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + base + ".", ".backup.tmp", ownerOnly(dir));
            filler.fill(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            AtomicFiles.setPosixPermissions(tmp, OWNER_ONLY);
            Path published = publish(tmp, dir, base, extension);
            tmp = null;
            AtomicFiles.fsyncDirectory(dir);
            return published;
        } catch (IOException e) {
            throw new StoreException("cannot write a backup of " + where + " to " + dir + ": " + e.getMessage()
                    + ". No backup was made.", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // best effort: the failure that brought us here is what the caller needs to see
                }
            }
        }
    }

    /** The backup of a store that does not exist yet: an empty JSON array. */
    public static Path writeEmpty(Path directory, String storeName, String where) {
        return write(directory, storeName, "json", where, tmp -> Files.write(tmp, EMPTY_ARRAY));
    }

    /**
     * Gives {@code tmp} its final name by a hard link, which fails rather than replacing an existing
     * file (a rename would silently replace one); where the file system has no hard links, an
     * existence check and an atomic rename.
     */
    private static Path publish(Path tmp, Path dir, String base, String extension) throws IOException {
        String stamp = STAMP.format(Clock.systemUTC().instant());
        for (int n = 1; ; n++) {
            Path target = dir.resolve(base + "-" + stamp + (n == 1 ? "" : "-" + n) + ".backup." + extension);
            try {
                Files.createLink(target, tmp);
                Files.delete(tmp);
                return target;
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(target)) {
                    continue;
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        }
    }

    /** A name usable as the start of a file name on every platform (a database may be called anything). */
    static String safeName(String name) {
        String s = name == null || name.isBlank() ? "sessions" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return s.startsWith(".") ? "_" + s.substring(1) : s;
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
