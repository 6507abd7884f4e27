package org.feedbackloop.bench.understanding;

import org.feedbackloop.action.similarity.Grouping;
import org.feedbackloop.action.similarity.OpenActionIndex;
import org.feedbackloop.testkit.Vectors;

import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * action-service's in-memory index with the bench database's open actions (100,000): how long a search of one team
 * takes, and how often its two passes find the action an exact scan of every action finds (recall), for feedback
 * at the join threshold and nearer.
 */
public final class IndexAtScale {

    private record Action(UUID id, String team, float[] mean) {
    }

    private IndexAtScale() {
    }

    public static void main(String[] args) throws Exception {
        var actions = load();
        var index = new OpenActionIndex();
        long xid = 0;
        for (var action : actions) {
            index.put(new OpenActionIndex.Entry(action.id(), action.team(), action.mean(), false, ++xid));
        }
        var random = new Random(3);
        var nanos = new ArrayList<Long>();
        int agree = 0;
        int decisions = 0;
        int probes = 2_000;
        for (int probe = 0; probe < probes; probe++) {
            var target = actions.get(random.nextInt(actions.size()));
            // feedback whose score for its action (cosine × the mean's length) lies between 0.25 and 0.6
            double score = 0.25 + 0.35 * random.nextDouble();
            var query = Vectors.near(target.mean(), Math.min(0.99, score / length(target.mean())), random);
            long started = System.nanoTime();
            var found = index.nearest(query, target.team(), false, null, Grouping.DEFAULT_THRESHOLD, 1);
            nanos.add(System.nanoTime() - started);
            var exact = exactBest(actions, target.team(), query, Grouping.DEFAULT_THRESHOLD);
            if (exact != null) {
                decisions++;
                if (!found.isEmpty() && found.getFirst().actionId().equals(exact)) {
                    agree++;
                }
            }
        }
        var sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        var teams = actions.stream().map(Action::team).distinct().count();
        var line = String.format(Locale.ROOT,
                "%s index of %d open actions in %d teams (largest %d): search p50 %.2f ms, p99 %.2f ms; where an exact scan "
                        + "of the team finds an action at or above the join threshold %.2f (%d of %d queries scored 0.25-0.60), "
                        + "the index joins the same one %d times",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), actions.size(), teams, largestTeam(actions),
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6, Grouping.DEFAULT_THRESHOLD,
                decisions, probes, agree);
        System.out.println(line);
    }

    private static List<Action> load() throws Exception {
        var actions = new ArrayList<Action>();
        try (var connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/actions_bench", "postgres", "");
             var rows = connection.createStatement().executeQuery("""
                     select id, team, problem_sum, problem_count from action
                     where status in ('OPEN', 'PLANNED', 'IN_PROGRESS') and problem_count > 0""")) {
            while (rows.next()) {
                var sum = (Float[]) rows.getArray(3).getArray();
                var mean = new float[sum.length];
                for (int i = 0; i < sum.length; i++) {
                    mean[i] = sum[i] / rows.getInt(4);
                }
                actions.add(new Action(rows.getObject(1, UUID.class), rows.getString(2), mean));
            }
        }
        return actions;
    }

    private static long largestTeam(List<Action> actions) {
        return actions.stream().collect(java.util.stream.Collectors.groupingBy(Action::team, java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** The action an exact scan of the team joins: the best score, if it reaches the threshold; null otherwise. */
    private static UUID exactBest(List<Action> actions, String team, float[] query, double threshold) {
        UUID best = null;
        double bestScore = threshold;
        for (var action : actions) {
            if (!action.team().equals(team)) {
                continue;
            }
            double score = 0;
            for (int d = 0; d < query.length; d++) {
                score += action.mean()[d] * query[d];
            }
            if (score >= bestScore) {
                bestScore = score;
                best = action.id();
            }
        }
        return best;
    }

    private static double length(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += v * v;
        }
        return Math.sqrt(squares);
    }


}
