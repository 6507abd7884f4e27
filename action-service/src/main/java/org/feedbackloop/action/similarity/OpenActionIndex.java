package org.feedbackloop.action.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The open actions of every team by what their feedback says, in memory: for each, the mean of its feedback's
 * problem vectors, kept as 384 bytes (8-bit codes and one scale) and 48 bytes of signs: about 45 MB for 100,000
 * actions.
 *
 * <p>An action's score for a piece of feedback is the dot product of the feedback's problem vector with that
 * mean: the average similarity of the feedback to the action's members (average linkage), which asks more of
 * an action whose feedback is varied than of one whose feedback all says the same. A search scans one team's
 * actions, or all of them, in two passes: the signs of the coordinates first (a few nanoseconds an action), then
 * the exact score of the shortlist nearest by sign.
 *
 * <p>Thread-safe: searches share a read lock, changes take the write lock. Each entry remembers the database
 * change ({@code xid}) it reflects and ignores an older one, so that catch-ups may apply in any order.
 */
public final class OpenActionIndex {

    public static final int DIMENSIONS = 384;
    static final int WORDS = DIMENSIONS / 64;
    /**
     * How many actions of a team the exact pass scores: those nearest by the signs of their coordinates. The signs
     * keep the order well where it matters (an action at similarity 0.3 sits about four standard deviations nearer
     * than unrelated ones); the bench measures recall against an exact scan.
     */
    static final int SHORTLIST = 512;

    /** An action as the index knows it. */
    public record Entry(UUID actionId, String team, float[] mean, boolean onBoard, long xid) {
    }

    /** An action found for a vector, and how near: the mean similarity of the vector to the action's feedback. */
    public record Candidate(UUID actionId, String team, double score, boolean onBoard) {
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Partition> teams = new HashMap<>();
    private final Map<UUID, Partition> partitionOf = new HashMap<>();
    /** The change each open action was last seen at: an older change must not undo a newer one. */
    private final Map<UUID, Long> seenAt = new HashMap<>();
    /** The same for actions that left the index, until no catch-up can bring back an older state of them. */
    private final Map<UUID, Long> leftAt = new HashMap<>();

    /** Adds, moves or updates an open action; a null mean (no feedback with a vector yet) removes it. */
    public void put(Entry entry) {
        lock.writeLock().lock();
        try {
            if (isOlder(entry.actionId(), entry.xid())) {
                return;
            }
            var current = partitionOf.get(entry.actionId());
            if (current != null && (entry.mean() == null || !current.team.equals(entry.team()))) {
                current.remove(entry.actionId());
                partitionOf.remove(entry.actionId());
                current = null;
            }
            if (entry.mean() == null) {
                seenAt.remove(entry.actionId());
                leftAt.put(entry.actionId(), entry.xid());
                return;
            }
            seenAt.put(entry.actionId(), entry.xid());
            leftAt.remove(entry.actionId());
            if (current == null) {
                current = teams.computeIfAbsent(entry.team(), Partition::new);
                partitionOf.put(entry.actionId(), current);
            }
            current.put(entry.actionId(), entry.mean(), entry.onBoard());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The action is no longer open (or gone): it leaves the index, unless {@code xid} is older than what it knows. */
    public void remove(UUID actionId, long xid) {
        lock.writeLock().lock();
        try {
            if (isOlder(actionId, xid)) {
                return;
            }
            seenAt.remove(actionId);
            leftAt.put(actionId, xid);
            var partition = partitionOf.remove(actionId);
            if (partition != null) {
                partition.remove(actionId);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Drops what the index believes about an action that turned out closed when triage looked it up. */
    public void forget(UUID actionId) {
        lock.writeLock().lock();
        try {
            seenAt.remove(actionId);
            var partition = partitionOf.remove(actionId);
            if (partition != null) {
                partition.remove(actionId);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The change the index last applied for this action, or -1. */
    public long seenAt(UUID actionId) {
        lock.readLock().lock();
        try {
            return seenAt.getOrDefault(actionId, leftAt.getOrDefault(actionId, -1L));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Forgets the departures of changes older than {@code horizon}: every catch-up from now on starts at or after
     * it, so none can bring back what they replaced.
     */
    public void settledBefore(long horizon) {
        lock.writeLock().lock();
        try {
            leftAt.values().removeIf(xid -> xid < horizon);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The {@code limit} open actions nearest to {@code vector}, best first, with a score of at least
     * {@code minScore}.
     *
     * @param team        only this team's actions, or every team's when null
     * @param boardOnly   only actions shown on the public board (open, with a public note)
     * @param exclude     an action to leave out (the one asking for similar ones), or null
     */
    public List<Candidate> nearest(float[] vector, String team, boolean boardOnly, UUID exclude, double minScore, int limit) {
        var best = new TopK(limit);
        var querySigns = new long[WORDS];
        signs(vector, querySigns, 0);
        lock.readLock().lock();
        try {
            Collection<Partition> partitions = team == null ? teams.values()
                    : teams.containsKey(team) ? List.of(teams.get(team)) : List.of();
            for (var partition : partitions) {
                partition.scan(vector, querySigns, boardOnly, exclude, minScore, best);
            }
        } finally {
            lock.readLock().unlock();
        }
        return best.sorted();
    }

    public int size() {
        lock.readLock().lock();
        try {
            return partitionOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean isOlder(UUID actionId, long xid) {
        var seen = seenAt.get(actionId);
        if (seen == null) {
            seen = leftAt.get(actionId);
        }
        return seen != null && xid < seen;
    }

    /**
     * One team's open actions, packed for scanning: slot i holds ids[i], onBoard[i], the signs of its mean in
     * bits[i*6..] and its 8-bit codes and scale in codes[i*384..] and scales[i].
     */
    private static final class Partition {

        final String team;
        UUID[] ids = new UUID[16];
        boolean[] onBoard = new boolean[16];
        float[] scales = new float[16];
        byte[] codes = new byte[16 * DIMENSIONS];
        long[] bits = new long[16 * WORDS];
        int size;
        final Map<UUID, Integer> slots = new HashMap<>();

        Partition(String team) {
            this.team = team;
        }

        void put(UUID id, float[] mean, boolean board) {
            var slot = slots.get(id);
            if (slot == null) {
                if (size == ids.length) {
                    grow();
                }
                slot = size++;
                slots.put(id, slot);
                ids[slot] = id;
            }
            onBoard[slot] = board;
            scales[slot] = encode(mean, codes, slot * DIMENSIONS);
            signs(mean, bits, slot * WORDS);
        }

        void remove(UUID id) {
            var slot = slots.remove(id);
            if (slot == null) {
                return;
            }
            int last = --size;
            if (slot != last) {
                ids[slot] = ids[last];
                onBoard[slot] = onBoard[last];
                scales[slot] = scales[last];
                System.arraycopy(codes, last * DIMENSIONS, codes, slot * DIMENSIONS, DIMENSIONS);
                System.arraycopy(bits, last * WORDS, bits, slot * WORDS, WORDS);
                slots.put(ids[slot], slot);
            }
            ids[last] = null;
        }

        /**
         * Pass one compares signs only (six XOR and population counts per action: the Hamming distance of the sign
         * bits tracks the angle); pass two scores the {@link #SHORTLIST} nearest by sign exactly, from their codes.
         */
        void scan(float[] vector, long[] querySigns, boolean boardOnly, UUID exclude, double minScore, TopK best) {
            var shortlist = new Shortlist(Math.min(SHORTLIST, size));
            for (int slot = 0; slot < size; slot++) {
                if (boardOnly && !onBoard[slot]) {
                    continue;
                }
                shortlist.offer(slot, hamming(bits, slot * WORDS, querySigns));
            }
            for (int i = 0; i < shortlist.size; i++) {
                int slot = shortlist.slots[i];
                double score = scales[slot] * dot(codes, slot * DIMENSIONS, vector);
                if (score >= minScore && score > best.floor() && !ids[slot].equals(exclude)) {
                    best.offer(new Candidate(ids[slot], team, score, onBoard[slot]));
                }
            }
        }

        private void grow() {
            int capacity = ids.length * 2;
            ids = Arrays.copyOf(ids, capacity);
            onBoard = Arrays.copyOf(onBoard, capacity);
            scales = Arrays.copyOf(scales, capacity);
            codes = Arrays.copyOf(codes, capacity * DIMENSIONS);
            bits = Arrays.copyOf(bits, capacity * WORDS);
        }
    }

    /** The slots with the smallest distances seen so far, at most {@code capacity} (a max-heap on the distance). */
    private static final class Shortlist {

        final int[] slots;
        final int[] distances;
        int size;

        Shortlist(int capacity) {
            slots = new int[capacity];
            distances = new int[capacity];
        }

        void offer(int slot, int distance) {
            if (slots.length == 0) {
                return;
            }
            if (size < slots.length) {
                slots[size] = slot;
                distances[size] = distance;
                siftUp(size++);
            } else if (distance < distances[0]) {
                slots[0] = slot;
                distances[0] = distance;
                siftDown(0);
            }
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (distances[parent] >= distances[i]) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int left = 2 * i + 1;
                int largest = i;
                if (left < size && distances[left] > distances[largest]) {
                    largest = left;
                }
                if (left + 1 < size && distances[left + 1] > distances[largest]) {
                    largest = left + 1;
                }
                if (largest == i) {
                    return;
                }
                swap(i, largest);
                i = largest;
            }
        }

        private void swap(int a, int b) {
            int slot = slots[a];
            slots[a] = slots[b];
            slots[b] = slot;
            int distance = distances[a];
            distances[a] = distances[b];
            distances[b] = distance;
        }
    }

    /** Writes the sign of each coordinate of {@code vector} as one bit at {@code offset}. */
    static void signs(float[] vector, long[] bits, int offset) {
        for (int word = 0; word < WORDS; word++) {
            long value = 0;
            for (int bit = 0; bit < 64; bit++) {
                if (vector[word * 64 + bit] > 0) {
                    value |= 1L << bit;
                }
            }
            bits[offset + word] = value;
        }
    }

    static int hamming(long[] bits, int offset, long[] query) {
        int distance = 0;
        for (int word = 0; word < WORDS; word++) {
            distance += Long.bitCount(bits[offset + word] ^ query[word]);
        }
        return distance;
    }

    /** Writes {@code vector} as 8-bit codes at {@code offset}; returns the scale that turns a code back into a value. */
    static float encode(float[] vector, byte[] codes, int offset) {
        float max = 0;
        for (float v : vector) {
            max = Math.max(max, Math.abs(v));
        }
        float scale = max == 0 ? 0 : max / 127f;
        for (int i = 0; i < DIMENSIONS; i++) {
            codes[offset + i] = scale == 0 ? 0 : (byte) Math.round(vector[i] / scale);
        }
        return scale;
    }

    /** Four running sums, so that the JIT keeps the multiply-adds of neighbouring dimensions in flight together. */
    static float dot(byte[] codes, int offset, float[] vector) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        for (int i = 0; i < DIMENSIONS; i += 4) {
            a += codes[offset + i] * vector[i];
            b += codes[offset + i + 1] * vector[i + 1];
            c += codes[offset + i + 2] * vector[i + 2];
            d += codes[offset + i + 3] * vector[i + 3];
        }
        return a + b + c + d;
    }

    /** The k best candidates seen so far. */
    private static final class TopK {

        private final int k;
        private final List<Candidate> kept = new ArrayList<>();
        private double floor = Double.NEGATIVE_INFINITY;

        TopK(int k) {
            this.k = k;
        }

        double floor() {
            return kept.size() < k ? Double.NEGATIVE_INFINITY : floor;
        }

        void offer(Candidate candidate) {
            kept.add(candidate);
            if (kept.size() > k) {
                int worst = 0;
                for (int i = 1; i < kept.size(); i++) {
                    if (kept.get(i).score() < kept.get(worst).score()) {
                        worst = i;
                    }
                }
                kept.remove(worst);
            }
            if (kept.size() == k) {
                floor = kept.stream().mapToDouble(Candidate::score).min().orElse(Double.NEGATIVE_INFINITY);
            }
        }

        List<Candidate> sorted() {
            return kept.stream().sorted((x, y) -> Double.compare(y.score(), x.score())).toList();
        }
    }
}
