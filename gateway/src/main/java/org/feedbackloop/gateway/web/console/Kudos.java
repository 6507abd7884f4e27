package org.feedbackloop.gateway.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Praise passed to the teams (action-service's {@code /api/kudos}), for the console's kudos view. */
@ApplicationScoped
public class Kudos {

    /** One piece of praise, in the customer's words (null once erased), never with who they are. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Praise(UUID feedbackId, String team, String topic, String channel, String text, double sentiment,
                         String ratingScale, Integer ratingScore, Instant receivedAt, Instant passedAt) {

        public String ratingLabel() {
            return LinkedFeedback.ratingLabel(ratingScale, ratingScore);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(List<Praise> items, String nextCursor) {
    }

    /** A page of kudos, or the problem that kept it away. */
    public record Wall(List<Praise> items, String nextCursor, ProblemMessage problem) {

        public boolean empty() {
            return items.isEmpty();
        }
    }

    private final ServiceClient services;

    Kudos(ServiceClient services) {
        this.services = services;
    }

    public Uni<Wall> wall(String token, String team, String cursor, int limit) {
        var query = new StringBuilder("/api/kudos?limit=").append(limit);
        if (team != null) {
            query.append("&team=").append(encode(team));
        }
        if (cursor != null && !cursor.isBlank()) {
            query.append("&cursor=").append(encode(cursor));
        }
        return services.get(Service.ACTIONS, query.toString(), token).map(response -> {
            if (!response.ok()) {
                return new Wall(List.of(), null, ProblemMessage.of(response));
            }
            var page = services.read(response, Page.class);
            return new Wall(page.items() == null ? List.of() : page.items(), page.nextCursor(), null);
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
