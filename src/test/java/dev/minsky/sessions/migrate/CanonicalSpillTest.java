package dev.minsky.sessions.migrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.minsky.sessions.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanonicalSpillTest {
    @TempDir
    Path dir;

    @Test
    void whatIsAppendedIsReadBackInOrderAcrossTheBuffersEdgesAndRecordsLargerThanIt() {
        Random random = new Random(7);
        List<byte[]> records = new ArrayList<>();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int[] sizes = {0, 1, 340, 4096, (1 << 18) - 3, 1 << 18, (1 << 18) + 1, 700_000, 17};
        for (int round = 0; round < 3; round++) {
            for (int size : sizes) {
                byte[] b = new byte[size + 4];
                random.nextBytes(b);
                records.add(b);
            }
        }
        try (CanonicalSpill spill = CanonicalSpill.open(dir)) {
            assertFalse(spill.failed());
            for (byte[] b : records) {
                spill.append(b, 2, b.length - 4); // a slice, as the digests' buffer is appended
                all.write(b, 2, b.length - 4);
            }
            spill.finishWriting();
            assertFalse(spill.failed());
            byte[] expected = all.toByteArray();
            byte[] buffer = new byte[16];
            int at = 0;
            for (int i = 0; i < records.size(); i += 4) { // steps of four records, as a verification reads them
                int length = 0;
                for (int j = i; j < Math.min(i + 4, records.size()); j++) {
                    length += records.get(j).length - 4;
                }
                byte[] read = spill.read(buffer, length);
                assertTrue(read.length >= length);
                assertArrayEquals(Arrays.copyOfRange(expected, at, at + length), Arrays.copyOf(read, length));
                if (buffer.length >= length) {
                    assertSame(buffer, read, "a long enough buffer is reused");
                }
                buffer = read;
                at += length;
            }
            assertEquals(expected.length, at);
            StoreException past = assertThrows(StoreException.class, () -> spill.read(new byte[8], 1));
            assertTrue(past.getMessage().contains("temporary file"), past.getMessage());
        }
    }

    @Test
    void aFolderThatCannotHoldTheFileGivesAFailedSpillThatIgnoresWrites() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        try (CanonicalSpill spill = CanonicalSpill.open(notAFolder)) {
            assertTrue(spill.failed());
            assertTrue(spill.why().startsWith(notAFolder.toString()), spill.why());
            spill.append(new byte[10], 0, 10);
            spill.finishWriting();
            assertTrue(spill.failed());
        }
        assertEquals("x", Files.readString(notAFolder));
    }

    @Test
    void aMissingFolderIsSaidSo() {
        try (CanonicalSpill spill = CanonicalSpill.open(dir.resolve("absent"))) {
            assertTrue(spill.failed());
            assertTrue(spill.why().endsWith(": no such folder"), spill.why());
        }
    }

    @Test
    void theFileIsGoneOnceClosed() throws Exception {
        try (CanonicalSpill spill = CanonicalSpill.open(dir)) {
            spill.append(new byte[] {1, 2, 3}, 0, 3);
            spill.finishWriting();
            assertArrayEquals(new byte[] {1, 2, 3}, spill.read(new byte[3], 3));
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
    }
}
