package dev.minsky.sessions.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that a crash leaves either the old or the new content, never a mix: a temporary
 * file in the same folder, written and fsynced, then renamed over the target, then the folder
 * fsynced so the rename itself survives a power cut.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content}. An existing file's permissions are kept; a new
     * file gets {@code newFilePermissions} (e.g. {@code rw-------}), or the default when null.
     */
    public static void write(Path target, byte[] content, String newFilePermissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Set<PosixFilePermission> perms = null;
            if (Files.exists(target)) {
                perms = posixPermissions(target);
            } else if (newFilePermissions != null) {
                perms = PosixFilePermissions.fromString(newFilePermissions);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (perms != null) {
                setPosixPermissions(tmp, perms);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically on this file system", e);
            }
            fsyncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Set<PosixFilePermission> posixPermissions(Path p) {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }

    static void setPosixPermissions(Path p, Set<PosixFilePermission> perms) {
        try {
            Files.setPosixFilePermissions(p, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system (Windows): the folder's ACLs apply
        }
    }

    static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms (Windows) cannot open a folder; the new name is still complete there
        }
    }
}
