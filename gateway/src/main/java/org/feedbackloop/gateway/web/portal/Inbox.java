package org.feedbackloop.gateway.web.portal;

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

/** The signed-in person's inbox at notification-service. */
@ApplicationScoped
public class Inbox {

    /** A page of the inbox, or the problem that kept it away. */
    public record Listing(List<InboxEntry> items, String nextCursor, long unread, ProblemMessage problem) {

        public boolean empty() {
            return items.isEmpty();
        }
    }

    private final ServiceClient services;

    Inbox(ServiceClient services) {
        this.services = services;
    }

    public Uni<Listing> page(String token, String cursor, int limit) {
        var query = "/api/me/notifications?limit=" + limit
                + (cursor == null || cursor.isBlank() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        return services.get(Service.NOTIFICATIONS, query, token).map(response -> {
            if (!response.ok()) {
                return new Listing(List.of(), null, 0, ProblemMessage.of(response));
            }
            var page = services.read(response, InboxEntry.Page.class);
            return new Listing(page.items() == null ? List.of() : page.items(), page.nextCursor(), page.unread(), null);
        });
    }

    /** The newest 100: enough to tell the story of each of a person's recent feedback items. */
    public Uni<Listing> recent(String token) {
        return page(token, null, 100);
    }

    public Uni<InboxEntry> markRead(String token, UUID id) {
        return services.send(Service.NOTIFICATIONS, HttpMethod.PUT, "/api/me/notifications/" + id + "/read", token,
                Map.of(), null).map(response -> response.ok() ? services.read(response, InboxEntry.class) : null);
    }
}
