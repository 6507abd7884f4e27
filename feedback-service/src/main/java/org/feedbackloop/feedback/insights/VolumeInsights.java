package org.feedbackloop.feedback.insights;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.kit.http.Period;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/** Feedback of a period counted by topic, channel and sentiment in one pass over the period's items. */
@ApplicationScoped
public class VolumeInsights {

    private static final String COUNTS = """
            select topic, channel, sentiment_label, count(*), sum(sentiment)
            from feedback where created_at >= :from and created_at < :to
            group by 1, 2, 3""";

    /** One group of the query: items of a topic, channel and sentiment label (null: not read yet). */
    record Group(String topic, String channel, String label, long count, double sentimentSum) {
    }

    public Uni<VolumeBreakdown> breakdown(Period period) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createNativeQuery(COUNTS, Object[].class)
                        .setParameter("from", period.from()).setParameter("to", period.to()).getResultList()))
                .map(rows -> breakdown(period, rows.stream().map(row -> new Group((String) row[0], (String) row[1],
                        (String) row[2], ((Number) row[3]).longValue(), ((Number) row[4]).doubleValue())).toList()));
    }

    static VolumeBreakdown breakdown(Period period, List<Group> groups) {
        return new VolumeBreakdown(period.from(), period.to(), tally(null, groups),
                by(Group::topic, groups).stream().limit(VolumeBreakdown.MAX_TOPICS).toList(), by(Group::channel, groups));
    }

    private static List<VolumeBreakdown.Volume> by(Function<Group, String> key, List<Group> groups) {
        var grouped = new TreeMap<String, List<Group>>();
        groups.forEach(group -> grouped.computeIfAbsent(key.apply(group), k -> new ArrayList<>()).add(group));
        return grouped.entrySet().stream().map(entry -> tally(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingLong(VolumeBreakdown.Volume::count).reversed()).toList();
    }

    private static VolumeBreakdown.Volume tally(String key, List<Group> groups) {
        var labels = new TreeMap<String, Long>();
        long count = 0;
        long read = 0;
        double sum = 0;
        for (var group : groups) {
            count += group.count();
            labels.merge(group.label() == null ? "PENDING" : group.label(), group.count(), Long::sum);
            if (group.label() != null) {
                read += group.count();
                sum += group.sentimentSum();
            }
        }
        return new VolumeBreakdown.Volume(key, count, labels.getOrDefault("POSITIVE", 0L), labels.getOrDefault("NEGATIVE", 0L),
                labels.getOrDefault("NEUTRAL", 0L), labels.getOrDefault("MIXED", 0L), labels.getOrDefault("PENDING", 0L),
                read == 0 ? null : Math.round(sum / read * 1000) / 1000.0);
    }
}
