package cn.luoshi.indicator.internal.imports;

import java.util.Arrays;

/**
 * Remembers, for each observation key seen in a file, the row it was first seen on, in two primitive arrays
 * (open addressing): a million keys cost about 24 MB and no boxing, so duplicates are found while streaming.
 */
final class KeyRows {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] rows;
    private int size;

    KeyRows(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        rows = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** Records the key on this row; returns the earlier row if the key was already there, else 0. */
    int putIfAbsent(long key, int row) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = slot(key, keys.length);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return rows[slot];
            }
            slot = (slot + 1) & (keys.length - 1);
        }
        keys[slot] = key;
        rows[slot] = row;
        size++;
        return 0;
    }

    int size() {
        return size;
    }

    private static int slot(long key, int capacity) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & (capacity - 1);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        keys = new long[oldKeys.length * 2];
        rows = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slot(oldKeys[i], keys.length);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & (keys.length - 1);
                }
                keys[slot] = oldKeys[i];
                rows[slot] = oldRows[i];
            }
        }
    }
}
