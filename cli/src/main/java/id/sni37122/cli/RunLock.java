package id.sni37122.cli;

import id.sni37122.connectors.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One run per warehouse at a time. The lock is an OS file lock on {@code <warehouse>.lock}: the
 * OS releases it when the holder dies, even by {@code kill -9}, so a stale lock never blocks the
 * next night's run; the file's text only tells a waiting operator who holds it.
 */
public final class RunLock implements AutoCloseable {

    /** Another run holds the warehouse. */
    public static final class BusyException extends Exception {
        BusyException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, waiting up to {@code waitSeconds} for another run to finish. */
    public static RunLock acquire(Path warehouse, int waitSeconds) throws IOException, BusyException {
        Path file = warehouse.resolveSibling(warehouse.getFileName() + ".lock");
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (true) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held inside this JVM
            }
            if (lock != null) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " sejak/since " + Instant.now() + "\n")
                        .getBytes(StandardCharsets.UTF_8)), 0);
                return new RunLock(channel, lock);
            }
            if (System.nanoTime() >= deadline) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new BusyException(Messages.get("cli.locked", warehouse, holder.isEmpty() ? "?" : holder));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.close();
                throw new BusyException(Messages.get("cli.locked", warehouse, "?"));
            }
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
