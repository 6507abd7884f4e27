package org.feedbackloop.gateway.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.upstream.UpstreamReply;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** action-service for the console: the queue, one action with its feedback, and the changes owners make. */
@ApplicationScoped
public class Actions {

    static final String OPEN_STATUSES = "OPEN,PLANNED,IN_PROGRESS";

    /** A page of the queue, or the problem that kept it away. */
    public record Queue(List<TrackedAction> items, String nextCursor, ProblemMessage problem) {

        public boolean empty() {
            return items.isEmpty();
        }
    }

    /** One action with its ETag and the contributors' words; {@code problem} when it could not be read. */
    public record Detail(TrackedAction action, String etag, List<LinkedFeedback> feedback, ProblemMessage problem,
                         ProblemMessage feedbackProblem, Representative representative) {
    }

    /** The linked feedback nearest the action's meaning: what the owner's public title should say in their own words. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Representative(UUID feedbackId, String text, Double similarity) {
    }

    /** One page of an action's linked feedback, in the order it was linked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LinkedFeedbackPage(List<LinkedFeedback> items, String nextCursor) {
    }

    /** The console shows an action's first linked items, as many as one page holds. */
    private static final int FEEDBACK_SHOWN = 100;

    private final ServiceClient services;

    Actions(ServiceClient services) {
        this.services = services;
    }

    public Uni<Queue> queue(String token, Map<String, String> filters, String cursor, int limit) {
        var query = new StringBuilder("/api/actions?status=").append(OPEN_STATUSES).append("&sort=dueAt&limit=").append(limit);
        filters.forEach((name, value) -> query.append('&').append(name).append('=').append(encode(value)));
        if (cursor != null && !cursor.isBlank()) {
            query.append("&cursor=").append(encode(cursor));
        }
        return services.get(Service.ACTIONS, query.toString(), token).map(response -> {
            if (!response.ok()) {
                return new Queue(List.of(), null, ProblemMessage.of(response));
            }
            var page = services.read(response, TrackedAction.Page.class);
            return new Queue(page.items() == null ? List.of() : page.items(), page.nextCursor(), null);
        }).flatMap(queue -> withEscalations(token, queue));
    }

    /**
     * The list does not say which actions were escalated; their history does. Only the few that can have been
     * (overdue, or many contributors) are read, in parallel.
     */
    private Uni<Queue> withEscalations(String token, Queue queue) {
        var candidates = queue.items().stream()
                .filter(action -> action.escalated() == null && action.mayBeEscalated()).toList();
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(queue);
        }
        var reads = candidates.stream().map(action -> services.get(Service.ACTIONS, "/api/actions/" + action.id(), token)
                .map(response -> response.ok() ? services.read(response, TrackedAction.class) : null)).toList();
        return Uni.join().all(reads).andCollectFailures().map(details -> {
            var escalated = new HashMap<UUID, Boolean>();
            details.stream().filter(Objects::nonNull)
                    .forEach(detail -> escalated.put(detail.id(), detail.isEscalated()));
            var items = queue.items().stream()
                    .map(action -> escalated.containsKey(action.id()) ? action.withEscalated(escalated.get(action.id())) : action)
                    .toList();
            return new Queue(items, queue.nextCursor(), queue.problem());
        });
    }

    public Uni<Detail> detail(String token, UUID id) {
        var action = services.get(Service.ACTIONS, "/api/actions/" + id, token);
        var feedback = services.get(Service.ACTIONS, "/api/actions/" + id + "/feedback?limit=" + FEEDBACK_SHOWN, token);
        var representative = services.get(Service.ACTIONS, "/api/actions/" + id + "/representative", token);
        return Uni.combine().all().unis(action, feedback, representative).asTuple().map(all -> {
            var a = all.getItem1();
            if (!a.ok()) {
                return new Detail(null, null, List.of(), ProblemMessage.of(a), null, null);
            }
            var f = all.getItem2();
            List<LinkedFeedback> words = f.ok() ? services.read(f, LinkedFeedbackPage.class).items() : List.of();
            var r = all.getItem3();
            return new Detail(services.read(a, TrackedAction.class), a.header("ETag"), words, null,
                    f.ok() ? null : ProblemMessage.of(f), r.ok() ? services.read(r, Representative.class) : null);
        });
    }

    /** What is near the action in meaning; nothing when action-service does not answer (a help, not the page). */
    public Uni<Similar> similar(String token, UUID id) {
        return services.get(Service.ACTIONS, "/api/actions/" + id + "/similar?limit=5", token)
                .map(response -> response.ok() ? services.read(response, Similar.class) : Similar.NOTHING);
    }

    /** Merges this action into {@code into}: its feedback, history and votes move there. */
    public Uni<UpstreamReply> merge(String token, UUID id, int version, UUID into) {
        return change(token, HttpMethod.POST, id, "merge", version, Map.of("into", into.toString()));
    }

    /** Links feedback of another action to this one. */
    public Uni<UpstreamReply> link(String token, UUID id, int version, UUID feedbackId) {
        return change(token, HttpMethod.POST, id, "links", version, Map.of("feedbackIds", List.of(feedbackId.toString())));
    }

    public Uni<UpstreamReply> transition(String token, UUID id, int version, String to, String note, String publicNote,
                                         String publicTitle) {
        var body = new LinkedHashMap<String, Object>();
        body.put("to", to);
        putText(body, "note", note);
        putText(body, "publicNote", publicNote);
        putText(body, "publicTitle", publicTitle);
        return change(token, HttpMethod.POST, id, "transitions", version, body);
    }

    public Uni<UpstreamReply> assign(String token, UUID id, int version, String ownerId, String ownerName) {
        var body = new LinkedHashMap<String, Object>();
        body.put("ownerId", ownerId);
        body.put("ownerName", ownerName);
        return change(token, HttpMethod.PUT, id, "assignment", version, body);
    }

    public Uni<UpstreamReply> reschedule(String token, UUID id, int version, String dueAt, String reason) {
        var body = new LinkedHashMap<String, Object>();
        body.put("dueAt", dueAt);
        putText(body, "reason", reason);
        return change(token, HttpMethod.PUT, id, "due", version, body);
    }

    private Uni<UpstreamReply> change(String token, HttpMethod method, UUID id, String what, int version,
                                         Map<String, Object> body) {
        return services.send(Service.ACTIONS, method, "/api/actions/" + id + "/" + what, token,
                Map.of("If-Match", "\"" + version + "\""), body);
    }

    private static void putText(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.strip());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
