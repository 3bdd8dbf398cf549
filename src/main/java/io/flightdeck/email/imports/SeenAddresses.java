package io.flightdeck.email.imports;

import java.nio.charset.StandardCharsets;

/**
 * The addresses a run has met, to report a duplicate in the file. Kept as 64-bit hashes in an open-addressing table,
 * 8 to 16 bytes per row rather than the address itself, so a file of a million rows needs a few megabytes; two
 * different addresses share a hash about once in 10^7 such files, and the worst that does is report one row as a
 * duplicate.
 */
final class SeenAddresses {

    private long[] table = new long[1 << 12];
    private int size;
    private boolean zeroSeen;

    /** Adds the address key; false when it was there already. */
    boolean add(String key) {
        long hash = hash(key);
        if (hash == 0) {
            boolean had = zeroSeen;
            zeroSeen = true;
            return !had;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        return insert(table, hash);
    }

    private boolean insert(long[] into, long hash) {
        int mask = into.length - 1;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (into[slot] != 0) {
            if (into[slot] == hash) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        into[slot] = hash;
        if (into == table) {
            size++;
        }
        return true;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        long[] old = table;
        table = bigger;
        for (long hash : old) {
            if (hash != 0) {
                int mask = bigger.length - 1;
                int slot = (int) (hash ^ (hash >>> 32)) & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = hash;
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes, then a final mix (from SplitMix64) so that similar addresses spread. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
