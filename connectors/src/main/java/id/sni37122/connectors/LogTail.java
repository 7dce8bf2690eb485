package id.sni37122.connectors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a log still being written ends its last whole line. A server writes each line in one go,
 * but a run can read the file between the two halves of a write, or while the line is buffered:
 * the half line then waits for the next run, which reads it whole, instead of being rejected in
 * two pieces. A file left unwritten for five minutes is taken as finished, last line and all (a
 * server writes a line in one go: a half line lasts moments, unless the server stopped mid-write).
 */
public final class LogTail {

    private static final Duration QUIET = Duration.ofMinutes(5);
    private static final int BLOCK = 1 << 16;

    private LogTail() {
    }

    /** The length of {@code file}'s first {@code size} bytes up to and including its last line end (LF or CR). */
    static long completeLength(Path file, long size) throws IOException {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(QUIET))) {
            return size;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(2);
            ch.read(head, 0);
            if (head.position() == 2 && ((head.get(0) & 0xff) == 0xff && (head.get(1) & 0xff) == 0xfe
                    || (head.get(0) & 0xff) == 0xfe && (head.get(1) & 0xff) == 0xff)) {
                return size; // UTF-16: its line ends are two bytes, and the reader decodes what it gets
            }
            ByteBuffer block = ByteBuffer.allocate(BLOCK);
            for (long end = size; end > 0; ) {
                long start = Math.max(0, end - BLOCK);
                block.clear().limit((int) (end - start));
                while (block.hasRemaining() && ch.read(block, start + block.position()) > 0) {
                    // read the whole block
                }
                for (int i = block.position() - 1; i >= 0; i--) {
                    byte b = block.get(i);
                    if (b == '\n' || b == '\r') {
                        return start + i + 1;
                    }
                }
                end = start;
            }
        }
        return 0;
    }

    /** Whether lines end in CR alone (classic Mac, some exporters): {@code head}, a file's first bytes, holds a CR and no LF. */
    public static boolean crOnly(byte[] head) {
        boolean cr = false;
        for (byte b : head) {
            if (b == '\n') {
                return false;
            }
            cr |= b == '\r';
        }
        return cr;
    }
}
