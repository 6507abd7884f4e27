package org.feedbackloop.bench.understanding;

import java.util.List;

/**
 * Pairwise figures of a grouping: precision, of the pairs put together, how many are one problem; recall, of the
 * pairs of one problem, how many were put together.
 */
record Pairwise(double precision, double recall, double f1) {

    /** @param groups the group of each text, in the order of {@code problems} (equal objects: one group) */
    static Pairwise of(List<String> problems, List<?> groups) {
        long together = 0;
        long right = 0;
        long same = 0;
        for (int i = 0; i < problems.size(); i++) {
            for (int j = i + 1; j < problems.size(); j++) {
                boolean sameProblem = problems.get(i).equals(problems.get(j));
                boolean joined = groups.get(i).equals(groups.get(j));
                together += joined ? 1 : 0;
                same += sameProblem ? 1 : 0;
                right += joined && sameProblem ? 1 : 0;
            }
        }
        double precision = together == 0 ? 1 : (double) right / together;
        double recall = (double) right / same;
        return new Pairwise(precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall));
    }
}
