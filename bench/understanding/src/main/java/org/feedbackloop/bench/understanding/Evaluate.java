package org.feedbackloop.bench.understanding;

import org.feedbackloop.action.similarity.Grouping;
import org.feedbackloop.action.similarity.OpenActionIndex;
import org.feedbackloop.feedback.analysis.FeedbackSpace;
import org.feedbackloop.feedback.analysis.SentimentModel;
import org.feedbackloop.feedback.analysis.TopicMatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Measures how well the suite understands feedback, with the classes the services run and the files they ship:
 * grouping of paraphrases (pairwise precision, recall and F1; joins across teams), topics (accuracy) and
 * sentiment (the UCI sentences, each site held out in turn). {@code Evaluate [report.md]} prints the report and
 * writes it to the file when one is named.
 */
public final class Evaluate {

    static final int ORDERS = 20;

    private final Corpora corpora;
    private final Reader reader;
    private final FeedbackSpace space = FeedbackSpace.fromClasspath();
    private final List<SeedTopics.Topic> seed = SeedTopics.load();
    private final TopicMatcher topics;
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder curve = new StringBuilder();

    Evaluate(Corpora corpora, Reader reader) {
        this.corpora = corpora;
        this.reader = reader;
        this.topics = matcher(seed);
    }

    public static void main(String[] args) throws IOException {
        try (var reader = new Reader()) {
            var evaluation = new Evaluate(Corpora.fromSystemProperties(), reader);
            var results = evaluation.all();
            System.out.print(evaluation.report);
            if (args.length > 0) {
                Files.writeString(Path.of(args[0]), evaluation.report);
            }
            System.out.println(results);
        }
    }

    /** Every figure, also as values for a test to check. */
    record Results(GroupingResult grouping, double calibratedThreshold, Map<String, Double> topicAccuracy,
                   Map<String, Double> heldOutSentiment, double zeroScores, double feedbackSentiment) {
    }

    /** Mean pairwise figures over {@link #ORDERS} arrival orders, and the worst order's F1. */
    record GroupingResult(double threshold, double precision, double recall, double f1, double worstF1,
                          double crossTeamJoins, int items, int problems) {
    }

    Results all() {
        var calibration = new java.util.ArrayList<>(corpora.paraphrases("calibration"));
        calibration.addAll(corpora.paraphrases("calibration-2"));
        var evaluation = corpora.paraphrases("evaluation");
        double calibrated = calibrate(calibration);
        var grouped = group(evaluation, Grouping.DEFAULT_THRESHOLD);
        line("## Grouping (paraphrases of one problem join one action)");
        line("");
        line("Calibration sets (paraphrases-calibration and -calibration-2): %d problems, %d texts; the best pairwise F1 "
                        + "over %d arrival orders is at threshold %.2f (the service's default is %.2f). Each text is routed by "
                        + "the topic the analysis gives it (team by the seeded routing rules); a join needs the same team, so no action "
                        + "holds feedback of two routed teams. The last column counts, per arrival order, the pairs joined "
                        + "although their labelled topics belong to different teams: both were given a wrong topic first.",
                count(calibration), calibration.size(), ORDERS, calibrated, Grouping.DEFAULT_THRESHOLD);
        line("");
        line("| set | items | problems | threshold | precision | recall | F1 | worst order's F1 | pairs of two teams joined |");
        line("|---|---|---|---|---|---|---|---|---|");
        var onCalibration = group(calibration, Grouping.DEFAULT_THRESHOLD);
        row("calibration", onCalibration);
        row("**evaluation**", grouped);
        row("evaluation, routed by the labelled topic", group(evaluation, Grouping.DEFAULT_THRESHOLD, true));
        line("");
        line("On the calibration sets, by threshold (mean of %d arrival orders):", ORDERS);
        line("");
        report.append(curve);
        line("");
        overlap(evaluation);
        hindsight(calibration, evaluation);

        var topicAccuracy = topics();
        var sentiment = sentiment();
        return new Results(grouped, calibrated, topicAccuracy, sentiment.heldOut, sentiment.zeroShare, sentiment.feedback);
    }

    // --- grouping ---------------------------------------------------------------------------------

    /**
     * What limits grouping: how the similarity of two wordings of one problem compares with that of two different
     * problems of one topic (pairs of texts, in the problem space, as the model reads them).
     */
    private void overlap(List<Corpora.Labelled> items) {
        var problems = problems(items);
        var same = new ArrayList<Double>();
        var sameTopic = new ArrayList<Double>();
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                double similarity = cosine(problems.get(i), problems.get(j));
                if (items.get(i).group().equals(items.get(j).group())) {
                    same.add(similarity);
                } else if (items.get(i).label().equals(items.get(j).label())) {
                    sameTopic.add(similarity);
                }
            }
        }
        Collections.sort(same);
        Collections.sort(sameTopic);
        double high = sameTopic.get((int) (sameTopic.size() * 0.95));
        long above = same.stream().filter(s -> s > high).count();
        line("What limits it, on the evaluation set: two wordings of one problem are %.2f similar at the median "
                        + "(quartiles %.2f–%.2f, %d pairs); two different problems of one topic %.2f (quartiles %.2f–%.2f, %d "
                        + "pairs). Only %.0f%% of the same-problem pairs are more similar than the 5%% most similar pairs of "
                        + "different problems (%.2f): a threshold that keeps different problems apart leaves most wordings apart.",
                quantile(same, 0.5), quantile(same, 0.25), quantile(same, 0.75), same.size(),
                quantile(sameTopic, 0.5), quantile(sameTopic, 0.25), quantile(sameTopic, 0.75), sameTopic.size(),
                100.0 * above / same.size(), high);
        line("");
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            na += a[d] * a[d];
            nb += b[d] * b[d];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double quantile(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q)));
    }

    /** The threshold with the best mean F1 on the calibration sets; the curve goes into the report. */
    private double calibrate(List<Corpora.Labelled> calibration) {
        double best = 0;
        double bestF1 = -1;
        curve.append("| threshold | precision | recall | F1 |\n|---|---|---|---|\n");
        for (int step = 10; step <= 50; step++) {
            double threshold = step / 100.0;
            var result = group(calibration, threshold);
            if (step % 5 == 0) {
                curve.append(String.format(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f |%n", threshold, result.precision(),
                        result.recall(), result.f1()));
            }
            if (result.f1() > bestF1 + 1e-9) {
                bestF1 = result.f1();
                best = threshold;
            }
        }
        return best;
    }

    GroupingResult group(List<Corpora.Labelled> items, double threshold) {
        return group(items, threshold, false);
    }

    /** @param labelledTeams route each text by its labelled topic instead of the analysed one (what topics cost) */
    GroupingResult group(List<Corpora.Labelled> items, double threshold, boolean labelledTeams) {
        var problems = problems(items);
        var teams = teams(items, labelledTeams);
        var labels = items.stream().map(Corpora.Labelled::group).toList();
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        double worst = 1;
        int crossTeam = 0;
        for (int order = 0; order < ORDERS; order++) {
            var sequence = new ArrayList<Integer>();
            for (int i = 0; i < items.size(); i++) {
                sequence.add(i);
            }
            Collections.shuffle(sequence, new Random(order));
            var actionOf = triage(sequence, problems, teams, threshold);
            for (int i = 0; i < items.size(); i++) {
                for (int j = i + 1; j < items.size(); j++) {
                    if (actionOf[i].equals(actionOf[j])
                            && !SeedTopics.teamOf(items.get(i).label()).equals(SeedTopics.teamOf(items.get(j).label()))) {
                        crossTeam++;
                    }
                }
            }
            var pairwise = Pairwise.of(labels, Arrays.asList(actionOf));
            precision += pairwise.precision() / ORDERS;
            recall += pairwise.recall() / ORDERS;
            f1 += pairwise.f1() / ORDERS;
            worst = Math.min(worst, pairwise.f1());
        }
        return new GroupingResult(threshold, precision, recall, f1, worst, (double) crossTeam / ORDERS, items.size(), count(items));
    }

    private List<float[]> problems(List<Corpora.Labelled> items) {
        return items.stream().map(item -> space.problem(reader.read(item.text()).vector())).toList();
    }

    /** The team of each text: routed by the topic the analysis gives it, or by its labelled topic. */
    private List<String> teams(List<Corpora.Labelled> items, boolean labelledTeams) {
        return items.stream().map(item -> SeedTopics.teamOf(labelledTeams ? item.label()
                : topics.match(space.centred(reader.read(item.text()).vector()), item.text())
                        .map(TopicMatcher.Match::topic).orElse("general"))).toList();
    }

    /** How far clustering these vectors goes in hindsight ({@link Hindsight}), on each set, by each routing. */
    private void hindsight(List<Corpora.Labelled> calibration, List<Corpora.Labelled> evaluation) {
        line("The bound these vectors set: every text of a set clustered at once, in hindsight, within each team (average "
                + "or complete linkage), with the linkage and threshold that are best on that very set:");
        line("");
        line("| set | routed by | best on the set itself | precision | recall | F1 |");
        line("|---|---|---|---|---|---|");
        for (var set : List.of(Map.entry("calibration", calibration), Map.entry("evaluation", evaluation))) {
            for (boolean labelledTeams : List.of(false, true)) {
                var items = set.getValue();
                var bound = Hindsight.best(problems(items), teams(items, labelledTeams),
                        items.stream().map(Corpora.Labelled::group).toList());
                line("| %s | %s | %s linkage, %.2f | %.3f | %.3f | %.3f |", set.getKey(),
                        labelledTeams ? "labelled topic" : "analysed topic", bound.linkage().name().toLowerCase(Locale.ROOT),
                        bound.threshold(), bound.precision(), bound.recall(), bound.f1());
            }
        }
        line("");
    }

    /** What triage does, item by item in arrival order: join the best open action of the team, or open one. */
    private static UUID[] triage(List<Integer> sequence, List<float[]> problems, List<String> teams, double threshold) {
        var index = new OpenActionIndex();
        var grouping = new Grouping(index, threshold);
        var sums = new HashMap<UUID, float[]>();
        var counts = new HashMap<UUID, Integer>();
        var actionOf = new UUID[problems.size()];
        long xid = 0;
        for (int i : sequence) {
            var candidates = grouping.candidates(teams.get(i), problems.get(i));
            var action = candidates.isEmpty() ? UUID.randomUUID() : candidates.getFirst().actionId();
            var sum = sums.computeIfAbsent(action, a -> new float[OpenActionIndex.DIMENSIONS]);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += problems.get(i)[d];
            }
            counts.merge(action, 1, Integer::sum);
            index.put(new OpenActionIndex.Entry(action, teams.get(i), Grouping.mean(sum, counts.get(action)), false, ++xid));
            actionOf[i] = action;
        }
        return actionOf;
    }

    private void row(String name, GroupingResult result) {
        line("| %s | %d | %d | %.2f | %.3f | %.3f | %.3f | %.3f | %.1f |", name, result.items(), result.problems(),
                result.threshold(), result.precision(), result.recall(), result.f1(), result.worstF1(), result.crossTeamJoins());
    }

    // --- topics -----------------------------------------------------------------------------------

    static TopicMatcher matcher(List<SeedTopics.Topic> seed, Reader reader, FeedbackSpace space) {
        var vectors = seed.stream().map(topic -> new TopicMatcher.TopicVectors(topic.name(),
                topic.examples().stream().map(example -> space.centred(reader.read(example).vector())).toList())).toList();
        return new TopicMatcher(vectors, SeedTopics.keywordClassifier(seed));
    }

    private TopicMatcher matcher(List<SeedTopics.Topic> seed) {
        return matcher(seed, reader, space);
    }

    private Map<String, Double> topics() {
        var labelled = corpora.topics();
        var right = new LinkedHashMap<String, int[]>();
        int byMeaning = 0;
        for (var text : labelled) {
            var vector = reader.read(text.text()).vector();
            var match = topics.match(space.centred(vector), text.text());
            var topic = match.map(TopicMatcher.Match::topic).orElse("general");
            if (match.isPresent() && match.get().byMeaning()) {
                byMeaning++;
            }
            var counts = right.computeIfAbsent(text.label(), k -> new int[2]);
            counts[1]++;
            if (topic.equals(text.label())) {
                counts[0]++;
            }
        }
        var accuracy = new LinkedHashMap<String, Double>();
        int total = 0;
        int correct = 0;
        line("## Topics (nearest topic by meaning, keywords as the fallback)");
        line("");
        line("%d labelled texts; the seeded taxonomy's examples (V6) and keywords (V2); %d of them took a topic by meaning.",
                labelled.size(), byMeaning);
        line("");
        line("| topic | texts | accuracy |");
        line("|---|---|---|");
        for (var entry : right.entrySet()) {
            var counts = entry.getValue();
            accuracy.put(entry.getKey(), (double) counts[0] / counts[1]);
            total += counts[1];
            correct += counts[0];
            line("| %s | %d | %.3f |", entry.getKey(), counts[1], (double) counts[0] / counts[1]);
        }
        accuracy.put("all", (double) correct / total);
        line("| **all** | %d | **%.3f** |", total, (double) correct / total);
        line("");
        return accuracy;
    }

    // --- sentiment --------------------------------------------------------------------------------

    private record SentimentResult(Map<String, Double> heldOut, double zeroShare, double feedback) {
    }

    private SentimentResult sentiment() {
        var uci = corpora.uci();
        var feedback = corpora.feedbackSentiment();
        var training = new SentimentTraining(reader);
        var heldOut = new LinkedHashMap<String, Double>();
        line("## Sentiment (UCI sentences, each site held out in turn)");
        line("");
        line("Trained on the other two sites and the project's %d labelled feedback sentences; the L2 penalty chosen by "
                + "leaving out one training site at a time.", feedback.size());
        line("");
        line("| held out | sentences | accuracy |");
        line("|---|---|---|");
        for (var site : Corpora.UCI_SITES) {
            var model = training.train(uci.stream().filter(s -> !s.group().equals(site)).toList(), feedback);
            var test = uci.stream().filter(s -> s.group().equals(site)).toList();
            double accuracy = training.binaryAccuracy(model, test);
            heldOut.put(site, accuracy);
            line("| %s | %d | %.3f |", site, test.size(), accuracy);
        }
        var shipped = SentimentModel.fromClasspath();
        long zeros = uci.stream().filter(s -> {
            var read = reader.read(s.text());
            return shipped.classify(read.vector(), read.lexicon()).score() == 0.0;
        }).count();
        double zeroShare = (double) zeros / uci.size();
        var sample = corpora.feedbackSample();
        double feedbackAccuracy = training.accuracy(shipped, sample, s -> true);
        line("");
        line("Scores of exactly 0 (shipped model, all %d UCI sentences): %.1f%%. Three-way accuracy (positive, negative, "
                + "neutral) of the shipped model on %d labelled feedback sentences it was not trained on: %.3f.",
                uci.size(), 100 * zeroShare, sample.size(), feedbackAccuracy);
        line("");
        line("Training log:");
        line("```");
        report.append(training.log());
        line("```");
        line("");
        return new SentimentResult(heldOut, zeroShare, feedbackAccuracy);
    }

    // --- report -----------------------------------------------------------------------------------

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static int count(List<Corpora.Labelled> paraphrases) {
        return (int) paraphrases.stream().map(Corpora.Labelled::group).distinct().count();
    }
}
