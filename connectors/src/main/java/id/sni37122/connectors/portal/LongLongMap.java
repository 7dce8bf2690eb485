package id.sni37122.connectors.portal;

import java.util.Arrays;

/**
 * A map from long to long without boxing, for the per-line lookups of a log load (tens of
 * millions of them): open addressing, linear probing. Key and value sit side by side, so a lookup
 * in a table larger than the CPU cache costs one miss, not two. The key {@link Long#MIN_VALUE} is not allowed.
 */
final class LongLongMap {

    private static final long EMPTY = Long.MIN_VALUE;

    /** Key at 2i, value at 2i + 1. */
    private long[] slots;
    private int size;

    LongLongMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity * 2];
        Arrays.fill(slots, EMPTY);
    }

    int size() {
        return size;
    }

    /** The value for {@code key}, or {@code missing}. */
    long get(long key, long missing) {
        int mask = slots.length / 2 - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = slots[2 * i];
            if (k == key) {
                return slots[2 * i + 1];
            }
            if (k == EMPTY) {
                return missing;
            }
        }
    }

    void put(long key, long value) {
        if ((size + 1) * 4 > slots.length) {
            grow();
        }
        int mask = slots.length / 2 - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long k = slots[2 * i];
            if (k == key || k == EMPTY) {
                if (k == EMPTY) {
                    slots[2 * i] = key;
                    size++;
                }
                slots[2 * i + 1] = value;
                return;
            }
        }
    }

    void clear() {
        Arrays.fill(slots, EMPTY);
        size = 0;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        Arrays.fill(slots, EMPTY);
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                put(old[i], old[i + 1]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
