package org.feedbackloop.action.similarity;

import org.feedbackloop.testkit.Vectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OpenActionIndexTest {

    private final Random random = new Random(42);

    @Test
    void findsTheActionAVectorIsAboutAmongTensOfThousands() {
        var index = new OpenActionIndex();
        var means = new ArrayList<float[]>();
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 30_000; i++) {
            var mean = Vectors.randomUnit(random);
            means.add(mean);
            ids.add(UUID.randomUUID());
            index.put(new OpenActionIndex.Entry(ids.getLast(), "billing", mean, false, i));
        }
        int found = 0;
        for (int probe = 0; probe < 200; probe++) {
            int target = random.nextInt(means.size());
            var query = Vectors.near(means.get(target), 0.35, random); // about as near as a paraphrase at the join threshold
            var exact = exactBest(means, query);
            var candidates = index.nearest(query, "billing", false, null, 0.0, 1);
            if (!candidates.isEmpty() && candidates.getFirst().actionId().equals(ids.get(exact))) {
                found++;
            }
        }
        assertThat(found).as("the two-pass search finds what the exact scan finds").isGreaterThanOrEqualTo(196);
    }

    @Test
    void scoresAreTheMeanSimilarityAndStayWithinTheTeam() {
        var index = new OpenActionIndex();
        var problem = Vectors.randomUnit(random);
        var billing = UUID.randomUUID();
        var delivery = UUID.randomUUID();
        index.put(new OpenActionIndex.Entry(billing, "billing", problem, true, 1));
        index.put(new OpenActionIndex.Entry(delivery, "delivery", problem, false, 2));

        var onlyBilling = index.nearest(problem, "billing", false, null, 0.5, 5);
        assertThat(onlyBilling).extracting(OpenActionIndex.Candidate::actionId).containsExactly(billing);
        assertThat(onlyBilling.getFirst().score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(index.nearest(problem, null, false, null, 0.5, 5)).hasSize(2);
        assertThat(index.nearest(problem, null, true, null, 0.5, 5)).extracting(OpenActionIndex.Candidate::actionId)
                .containsExactly(billing);
        assertThat(index.nearest(problem, null, false, billing, 0.5, 5)).extracting(OpenActionIndex.Candidate::actionId)
                .containsExactly(delivery);
        assertThat(index.nearest(Vectors.randomUnit(random), "billing", false, null, 0.3, 5)).isEmpty();
    }

    @Test
    void anOlderChangeNeverUndoesANewerOne() {
        var index = new OpenActionIndex();
        var id = UUID.randomUUID();
        var problem = Vectors.randomUnit(random);
        index.put(new OpenActionIndex.Entry(id, "billing", problem, false, 10));
        index.remove(id, 12);
        index.put(new OpenActionIndex.Entry(id, "billing", problem, false, 11)); // a late catch-up's older view
        assertThat(index.size()).isZero();

        index.settledBefore(20);
        index.put(new OpenActionIndex.Entry(id, "delivery", problem, false, 21));
        assertThat(index.nearest(problem, "delivery", false, null, 0.5, 1)).hasSize(1);
        index.put(new OpenActionIndex.Entry(id, "billing", problem, false, 22)); // moved to another team
        assertThat(index.nearest(problem, "delivery", false, null, 0.5, 1)).isEmpty();
        assertThat(index.nearest(problem, "billing", false, null, 0.5, 1)).hasSize(1);
        index.forget(id);
        assertThat(index.size()).isZero();
    }



    private static int exactBest(ArrayList<float[]> means, float[] query) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < means.size(); i++) {
            double score = 0;
            for (int d = 0; d < query.length; d++) {
                score += means.get(i)[d] * query[d];
            }
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

}
