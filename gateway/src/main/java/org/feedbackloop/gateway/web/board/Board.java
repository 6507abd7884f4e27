package org.feedbackloop.gateway.web.board;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The public board of action-service ({@code /api/public/updates}) and its "me too" votes. */
@ApplicationScoped
public class Board {

    /** A page of the board, or why there is none: the service is down, or it has no board yet (404: empty). */
    public record Listing(List<PublicUpdate> items, String nextCursor, ProblemMessage problem) {

        public boolean empty() {
            return items.isEmpty();
        }
    }

    /** What a vote did: counted now, counted before, or a problem. */
    public record Vote(boolean counted, boolean alreadyCounted, ProblemMessage problem) {
    }

    private final ServiceClient services;

    Board(ServiceClient services) {
        this.services = services;
    }

    /** {@code status} is {@code done} or {@code open}. */
    public Uni<Listing> list(String status, String cursor, int limit) {
        var query = "/api/public/updates?status=" + status + "&limit=" + limit
                + (cursor == null || cursor.isBlank() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return services.get(Service.ACTIONS, query, null).map(response -> {
            if (response.ok()) {
                var page = services.read(response, PublicUpdate.Page.class);
                return new Listing(page.items() == null ? List.of() : page.items(), page.nextCursor(), null);
            }
            if (response.notFound()) {
                return new Listing(List.of(), null, null);
            }
            return new Listing(List.of(), null, ProblemMessage.of(response));
        });
    }

    /**
     * The open actions of the board that a draft of feedback is about ("others said something like this"): the
     * sentence model of feedback-service reads the draft, action-service finds the announced open actions that
     * feedback with its problem vector would join. Nothing is stored. An empty listing when either service does not
     * answer: the suggestions are a help, never in the way of giving feedback.
     */
    public Uni<Listing> similarTo(String draft, String token) {
        return services.send(Service.FEEDBACK, HttpMethod.POST, "/api/feedback/analysis", token, Map.of(),
                Map.of("text", draft)).flatMap(analysis -> {
            if (!analysis.ok()) {
                return Uni.createFrom().item(new Listing(List.of(), null, null));
            }
            var problem = services.read(analysis, com.fasterxml.jackson.databind.JsonNode.class).path("problem");
            return services.send(Service.ACTIONS, HttpMethod.POST, "/api/public/updates/similar", null, Map.of(),
                    Map.of("problem", problem, "limit", 3)).map(response -> response.ok()
                    ? new Listing(List.of(services.read(response, PublicUpdate[].class)), null, null)
                    : new Listing(List.of(), null, null));
        });
    }

    /** One item of the board, or null when it is not there (or the service has no board yet). */
    public Uni<PublicUpdate> one(UUID actionId) {
        return services.get(Service.ACTIONS, "/api/public/updates/" + actionId, null)
                .map(response -> response.ok() ? services.read(response, PublicUpdate.class) : null);
    }

    public Uni<Vote> meToo(UUID actionId, String token) {
        return services.send(Service.ACTIONS, HttpMethod.POST, "/api/public/updates/" + actionId + "/me-too", token,
                Map.of(), Map.of()).map(response -> {
            if (response.status() == 201) {
                return new Vote(true, false, null);
            }
            if (response.ok()) {
                return new Vote(true, true, null);
            }
            return new Vote(false, false, ProblemMessage.of(response));
        });
    }
}
