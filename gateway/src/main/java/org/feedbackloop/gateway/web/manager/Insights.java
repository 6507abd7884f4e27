package org.feedbackloop.gateway.web.manager;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.upstream.UpstreamReply;
import org.feedbackloop.gateway.web.console.TrackedAction;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The numbers of the manager page. Each comes from its summary endpoint when the service has one; until then it is
 * counted here from bounded pages of the lists (and says so), and shows "not available" when neither answers.
 */
@ApplicationScoped
public class Insights {

    static final int PAGE = 100;
    static final int MAX_PAGES = 10;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TeamCounts(String team, long open, long overdue, long escalated) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TopicCount(String topic, long count) {
    }

    /** Open, overdue and escalated actions by team; {@code source} says where the numbers come from. */
    public record TeamSummary(List<TeamCounts> teams, Instant generatedAt, String source, ProblemMessage problem) {

        public long open() {
            return teams.stream().mapToLong(TeamCounts::open).sum();
        }

        public long overdue() {
            return teams.stream().mapToLong(TeamCounts::overdue).sum();
        }

        public long escalated() {
            return teams.stream().mapToLong(TeamCounts::escalated).sum();
        }
    }

    /** Feedback volume by topic over the last {@code days}. */
    public record TopicSummary(List<TopicCount> topics, long total, int days, String source, ProblemMessage problem) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TeamsAnswer(List<TeamCounts> teams, Instant generatedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TopicsAnswer(List<TopicCount> topics, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FeedbackTopic(String topic) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FeedbackPage(List<FeedbackTopic> items, String nextCursor) {
    }

    private final ServiceClient services;

    Insights(ServiceClient services) {
        this.services = services;
    }

    public Uni<TeamSummary> teams(String token) {
        return services.get(Service.ACTIONS, "/api/actions/summary", token).flatMap(response -> {
            if (response.ok()) {
                var answer = services.read(response, TeamsAnswer.class);
                return Uni.createFrom().item(new TeamSummary(sorted(answer.teams()), answer.generatedAt(),
                        "action-service's summary", null));
            }
            if (!noSummaryYet(response)) {
                return Uni.createFrom().item(new TeamSummary(List.of(), null, null, ProblemMessage.of(response)));
            }
            return countActions(token, null, 0, new ArrayList<>());
        });
    }

    private Uni<TeamSummary> countActions(String token, String cursor, int pages, List<TrackedAction> seen) {
        var query = "/api/actions?status=OPEN,PLANNED,IN_PROGRESS&limit=" + PAGE + cursorParam(cursor);
        return services.get(Service.ACTIONS, query, token).flatMap(response -> {
            if (!response.ok()) {
                return Uni.createFrom().item(new TeamSummary(List.of(), null, null, ProblemMessage.of(response)));
            }
            var page = services.read(response, TrackedAction.Page.class);
            seen.addAll(page.items());
            if (page.nextCursor() != null && pages + 1 < MAX_PAGES) {
                return countActions(token, page.nextCursor(), pages + 1, seen);
            }
            var source = page.nextCursor() == null
                    ? "counted from all " + seen.size() + " open actions"
                    : "counted from the " + seen.size() + " most urgent open actions (there are more)";
            return escalatedToManagers(token).map(escalated ->
                    new TeamSummary(byTeam(seen, escalated), Instant.now(), source, null));
        });
    }

    /** The actions the managers' inbox was told are escalated (its newest 100 notifications). */
    private Uni<Set<UUID>> escalatedToManagers(String token) {
        return services.get(Service.NOTIFICATIONS, "/api/me/notifications?limit=100", token).map(response -> {
            var ids = new HashSet<UUID>();
            if (response.ok()) {
                for (var item : services.read(response, JsonNode.class).path("items")) {
                    if ("ESCALATED".equals(item.path("kind").asText()) && item.hasNonNull("actionId")) {
                        ids.add(UUID.fromString(item.path("actionId").asText()));
                    }
                }
            }
            return (Set<UUID>) ids;
        });
    }

    static List<TeamCounts> byTeam(List<TrackedAction> actions, Set<UUID> escalatedToManagers) {
        var counts = new TreeMap<String, long[]>();
        for (var action : actions) {
            var c = counts.computeIfAbsent(action.team() == null ? "none" : action.team(), team -> new long[3]);
            c[0]++;
            if (action.overdue()) {
                c[1]++;
            }
            if (action.isEscalated() || escalatedToManagers.contains(action.id())) {
                c[2]++;
            }
        }
        return counts.entrySet().stream().map(e -> new TeamCounts(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    public Uni<TopicSummary> topics(String token, int days) {
        return services.get(Service.FEEDBACK, "/api/feedback/summary?days=" + days, token).flatMap(response -> {
            if (response.ok()) {
                var answer = services.read(response, TopicsAnswer.class);
                var topics = answer.topics().stream().sorted(Comparator.comparingLong(TopicCount::count).reversed()).toList();
                return Uni.createFrom().item(new TopicSummary(topics, answer.total(), days, "feedback-service's summary", null));
            }
            if (!noSummaryYet(response)) {
                return Uni.createFrom().item(new TopicSummary(List.of(), 0, days, null, ProblemMessage.of(response)));
            }
            var from = Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            return countFeedback(token, from, null, 0, new TreeMap<>(), 0, days);
        });
    }

    private Uni<TopicSummary> countFeedback(String token, Instant from, String cursor, int pages, Map<String, Long> counts,
                                            long total, int days) {
        var query = "/api/feedback?from=" + from + "&limit=" + PAGE + cursorParam(cursor);
        return services.get(Service.FEEDBACK, query, token).flatMap(response -> {
            if (!response.ok()) {
                return Uni.createFrom().item(new TopicSummary(List.of(), 0, days, null, ProblemMessage.of(response)));
            }
            var page = services.read(response, FeedbackPage.class);
            page.items().forEach(item -> counts.merge(item.topic() == null ? "general" : item.topic(), 1L, Long::sum));
            long seen = total + page.items().size();
            if (page.nextCursor() != null && pages + 1 < MAX_PAGES) {
                return countFeedback(token, from, page.nextCursor(), pages + 1, counts, seen, days);
            }
            var source = page.nextCursor() == null
                    ? "counted from all " + seen + " items"
                    : "counted from the newest " + seen + " items (there are more)";
            var topics = counts.entrySet().stream().map(e -> new TopicCount(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(TopicCount::count).reversed()).toList();
            return Uni.createFrom().item(new TopicSummary(topics, seen, days, source, null));
        });
    }

    /**
     * A service without the summary endpoint answers 404, or reads "summary" as an id and answers 400 or 405:
     * either way the numbers are counted here.
     */
    static boolean noSummaryYet(UpstreamReply response) {
        return response.status() == 404 || response.status() == 400 || response.status() == 405;
    }

    private static List<TeamCounts> sorted(List<TeamCounts> teams) {
        return teams == null ? List.of() : teams.stream().sorted(Comparator.comparing(TeamCounts::team)).toList();
    }

    private static String cursorParam(String cursor) {
        return cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
}
