package org.feedbackloop.bench.understanding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * How far grouping by these vectors goes when nothing is decided item by item: all texts of a set clustered at
 * once, within each team (merging the two most similar groups while their linkage reaches the threshold; average
 * and complete linkage), with the linkage and threshold that are best on the very set they are scored on. It is a
 * bound the model sets for the service's way of grouping, not a calibrated figure.
 */
final class Hindsight {

    enum Linkage { AVERAGE, COMPLETE }

    /** The best linkage and threshold for this set, and its pairwise figures. */
    record Bound(Linkage linkage, double threshold, double precision, double recall, double f1) {
    }

    private Hindsight() {
    }

    static Bound best(List<float[]> problems, List<String> teams, List<String> problemLabels) {
        var similarity = similarities(problems);
        Bound best = null;
        for (var linkage : Linkage.values()) {
            for (int step = 10; step <= 60; step += 2) {
                double threshold = step / 100.0;
                var bound = score(cluster(similarity, teams, linkage, threshold), problemLabels, linkage, threshold);
                if (best == null || bound.f1() > best.f1()) {
                    best = bound;
                }
            }
        }
        return best;
    }

    private static double[][] similarities(List<float[]> problems) {
        int n = problems.size();
        var similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                similarity[i][j] = similarity[j][i] = Evaluate.cosine(problems.get(i), problems.get(j));
            }
        }
        return similarity;
    }

    /** The group of each text, as the index of the text that heads it. */
    private static int[] cluster(double[][] similarity, List<String> teams, Linkage linkage, double threshold) {
        int n = teams.size();
        var members = new HashMap<Integer, List<Integer>>();
        for (int i = 0; i < n; i++) {
            members.put(i, new ArrayList<>(List.of(i)));
        }
        while (true) {
            int bestA = -1;
            int bestB = -1;
            double bestLink = threshold;
            for (int a : members.keySet()) {
                for (int b : members.keySet()) {
                    if (a < b && teams.get(a).equals(teams.get(b))) {
                        double link = link(similarity, members.get(a), members.get(b), linkage);
                        if (link >= bestLink) {
                            bestLink = link;
                            bestA = a;
                            bestB = b;
                        }
                    }
                }
            }
            if (bestA < 0) {
                break;
            }
            members.get(bestA).addAll(members.remove(bestB));
        }
        var groupOf = new int[n];
        members.forEach((head, group) -> group.forEach(i -> groupOf[i] = head));
        return groupOf;
    }

    private static double link(double[][] similarity, List<Integer> a, List<Integer> b, Linkage linkage) {
        double sum = 0;
        double least = Double.MAX_VALUE;
        for (int i : a) {
            for (int j : b) {
                sum += similarity[i][j];
                least = Math.min(least, similarity[i][j]);
            }
        }
        return linkage == Linkage.AVERAGE ? sum / (a.size() * b.size()) : least;
    }

    private static Bound score(int[] groupOf, List<String> problemLabels, Linkage linkage, double threshold) {
        var pairwise = Pairwise.of(problemLabels, Arrays.stream(groupOf).boxed().toList());
        return new Bound(linkage, threshold, pairwise.precision(), pairwise.recall(), pairwise.f1());
    }
}
