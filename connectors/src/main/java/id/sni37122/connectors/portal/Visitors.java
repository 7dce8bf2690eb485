package id.sni37122.connectors.portal;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Visitor keys (INDICATORS.md: address + user agent, the address alone without an agent field),
 * hashed with HMAC-SHA256 and the installation's secret so that no address is stored. The same
 * visitor makes many hits, so hashes are kept for the file.
 */
final class Visitors {
    private static final int MAX_CACHED = 1 << 21;
    private final Mac mac;
    /** (address, agent key) mixed into one long, to the visitor hash: visitors come back line after line. */
    private final LongLongMap cache = new LongLongMap(1 << 16);
    private final long[] recentKeys = new long[4096];
    private final long[] recentHashes = new long[4096];

    Visitors(byte[] secret) {
        Arrays.fill(recentKeys, Long.MIN_VALUE); // never a key
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The visitor of {@code hit}, whose address {@code address} chose and whose user agent has the key {@code agentKey}. */
    long of(Hit hit, VisitorAddress address, long agentKey) {
        long key = address.id * 0x9E3779B97F4A7C15L ^ (hit.agentBytes == null ? 0x5DEECE66DL : agentKey);
        if (key == Long.MIN_VALUE) {
            key++;
        }
        // Visitors in the middle of a visit first: a small table that stays in the CPU cache.
        int slot = (int) (key ^ key >>> 29) & (recentKeys.length - 1);
        if (recentKeys[slot] == key) {
            return recentHashes[slot];
        }
        long hash = cache.get(key, Long.MIN_VALUE);
        if (hash == Long.MIN_VALUE) {
            mac.update(address.bytes, address.from, address.to - address.from);
            if (hit.agentBytes != null) {
                mac.update((byte) '\n');
                mac.update(hit.agentBytes, hit.agentFrom, hit.agentTo - hit.agentFrom);
            }
            hash = ByteBuffer.wrap(mac.doFinal()).getLong();
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            hash = hash == Long.MIN_VALUE ? hash + 1 : hash;
            cache.put(key, hash);
        }
        recentKeys[slot] = key;
        recentHashes[slot] = hash;
        return hash;
    }
}
