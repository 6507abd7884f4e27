package org.feedbackloop.notification.inbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;
import org.feedbackloop.kit.security.Roles;
import org.feedbackloop.kit.signing.CursorCodec;
import org.feedbackloop.kit.openapi.Counts;
import org.feedbackloop.notification.api.PageSize;
import org.feedbackloop.kit.signing.Signer;
import org.feedbackloop.notification.domain.Repositories;
import org.feedbackloop.notification.security.Caller;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;


/** The caller's in-app notifications: theirs, their role's and their team's. */
@Path("/api/me/notifications")
@Tag(name = "Inbox", description = "What you were told, and what you are told as it happens")
@SecurityRequirement(name = "bearer")
public class InboxResource {

    private final SecurityIdentity identity;
    private final Repositories.Notifications notifications;
    private final LiveStream live;
    private final CursorCodec cursors;
    private final Clock clock;

    InboxResource(SecurityIdentity identity, Repositories.Notifications notifications, LiveStream live,
                  CursorCodec cursors, Clock clock) {
        this.identity = identity;
        this.notifications = notifications;
        this.live = live;
        this.cursors = cursors;
        this.clock = clock;
    }

    @Schema(name = "InboxPage")
    public record InboxPage(@Schema(maxItems = QueryParams.MAX_LIMIT) List<InboxItem> items,
                            @Schema(nullable = true, maxLength = CursorCodec.MAX_LENGTH, pattern = Signer.PATTERN)
                            String nextCursor,
                            @Schema(minimum = Counts.MIN, maximum = Counts.LONG_MAX) long unread) {
    }

    @GET
    @WithSession
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "listMyNotifications", summary = "My inbox, newest first",
            description = "The in-app notifications to you, your roles and your teams, a page at a time, with how many "
                    + "are unread; follow nextCursor for more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InboxPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InboxPage> list(@Parameter(description = PageSize.DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER,
                                       format = "int32", minimum = PageSize.MIN, maximum = PageSize.MAX,
                                       defaultValue = PageSize.DEFAULT))
                               @QueryParam("limit") String limit,
                               @Parameter(description = "nextCursor of the previous page", schema = @Schema(
                                       type = SchemaType.STRING, maxLength = CursorCodec.MAX_LENGTH,
                                       pattern = Signer.PATTERN))
                               @QueryParam("cursor") String cursor,
                               @Parameter(description = "true: only unread", schema = @Schema(type = SchemaType.BOOLEAN))
                               @QueryParam("unread") String unread) {
        int size = QueryParams.limitOf(limit);
        var after = cursor == null ? null : cursors.decode(cursor);
        boolean unreadOnly = bool("unread", unread);
        var inboxes = Caller.of(identity).inboxes();
        var where = new StringBuilder("channel = 'IN_APP' and status = 'SENT' and recipient in ?1");
        var parameters = new ArrayList<Object>(List.of(inboxes));
        if (unreadOnly) {
            where.append(" and readAt is null");
        }
        if (after != null) {
            where.append(" and (createdAt < ?2 or (createdAt = ?2 and id < ?3))");
            parameters.add(after.key());
            parameters.add(after.id());
        }
        return notifications.find(where + " order by createdAt desc, id desc", parameters.toArray())
                .page(0, size + 1).list()
                .flatMap(found -> notifications.count(
                                "channel = 'IN_APP' and status = 'SENT' and recipient in ?1 and readAt is null", inboxes)
                        .map(count -> {
                            var more = found.size() > size;
                            var page = more ? found.subList(0, size) : found;
                            var next = more ? cursors.encode(CursorCodec.Position.newest(page.getLast().createdAt, page.getLast().id)) : null;
                            return new InboxPage(page.stream().map(InboxItem::of).toList(), next, count);
                        }));
    }

    @PUT
    @Path("{id}/read")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "markNotificationRead",
            summary = "Mark a notification read", description = "Idempotent: the first read time stays.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InboxItem.class)))
    @APIResponse(responseCode = "404", description = "Not in your inbox",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<InboxItem> read(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                               @PathParam("id") String id) {
        var notificationId = QueryParams.uuid("id", id);
        var inboxes = Caller.of(identity).inboxes();
        return Panache.withTransaction(() -> notifications.find(
                        "id = ?1 and channel = 'IN_APP' and status = 'SENT' and recipient in ?2", notificationId, inboxes)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.of(ProblemType.NOT_FOUND,
                        "There is no notification " + id + " in your inbox"))
                .invoke(notification -> {
                    if (notification.readAt == null) {
                        notification.readAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    }
                }))
                .map(InboxItem::of);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "streamMyNotifications", summary = "My notifications as they happen (server-sent events)",
            description = "A server-sent event stream (text/event-stream), not a JSON answer: it stays open, and each "
                    + "new inbox item arrives as one event whose data is that InboxItem as JSON. Read it with an "
                    + "EventSource or an SSE client, not as a response body; read the inbox for what came before.")
    @APIResponse(responseCode = "200", description = "An open stream of server-sent events, one per new inbox item, "
            + "each event's data one InboxItem (see that schema) as JSON",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING,
                    description = "Server-sent events (data: <one InboxItem as JSON>, then a blank line), for as long "
                            + "as the connection stays open")))
    public Multi<InboxItem> stream() {
        return live.of(Set.copyOf(Caller.of(identity).inboxes())).map(InboxItem::of);
    }


    private static boolean bool(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "must be true or false");
    }

}
