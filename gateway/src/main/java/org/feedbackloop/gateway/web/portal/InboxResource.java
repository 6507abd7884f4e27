package org.feedbackloop.gateway.web.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.feedbackloop.gateway.web.shared.CsrfProtected;
import org.feedbackloop.gateway.web.shared.PageContext;
import org.feedbackloop.gateway.web.shared.Pages;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/** The inbox: what the person was told, new items live, and marking them read. */
@Path("/portal/inbox")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.CUSTOMER)
@CsrfProtected
public class InboxResource {

    @CheckedTemplate(basePath = "web/portal")
    static class Templates {
        static native TemplateInstance inbox(PageContext ctx, Inbox.Listing listing);

        static native TemplateInstance inboxEntry(InboxEntry entry, String csrf, boolean live);

        static native TemplateInstance inboxReadFailed(ProblemMessage problem);
    }

    private final Pages pages;
    private final Inbox inbox;
    private final LiveInbox live;

    InboxResource(Pages pages, Inbox inbox, LiveInbox live) {
        this.pages = pages;
        this.inbox = inbox;
        this.live = live;
    }

    @GET
    public Uni<TemplateInstance> page(@RestQuery String cursor, @RestQuery String notice) {
        return pages.context("inbox", notice).flatMap(ctx -> inbox.page(ctx.viewer().accessToken(), cursor, 20)
                .map(listing -> Templates.inbox(ctx, listing)));
    }

    /** With htmx the item is swapped in place; without, the browser comes back to the inbox. */
    @POST
    @Path("{id}/read")
    public Uni<Response> markRead(@RestPath String id, @RestHeader("HX-Request") String htmx) {
        UUID notificationId;
        try {
            notificationId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Response.status(404).build());
        }
        return pages.viewer().flatMap(viewer -> inbox.markRead(viewer.accessToken(), notificationId).map(entry -> {
            if (htmx == null) {
                return Pages.seeOther("/portal/inbox");
            }
            if (entry == null) {
                return Response.ok(Templates.inboxReadFailed(ProblemMessage.of(0, null))).build();
            }
            return Response.ok(Templates.inboxEntry(entry, "", false)).build();
        }));
    }

    /**
     * Server-sent events for the page's live region: each new inbox item as a rendered list item (event
     * {@code notification}), and a {@code ping} every 20 seconds so that proxies keep the connection open.
     */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_HTML)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return pages.viewer().onItem().transformToMulti(viewer -> {
            var csrf = pages.context(viewer, "inbox", null).csrf();
            var ended = new AtomicBoolean();
            var entries = live.follow(viewer.accessToken())
                    .map(entry -> sse.newEventBuilder().name("notification")
                            .data(Templates.inboxEntry(entry, csrf, true).render()).build())
                    .onTermination().invoke(() -> ended.set(true));
            // pings stop at the first tick after the upstream stream ended, so that the browser reconnects
            var pings = Multi.createFrom().ticks().every(Duration.ofSeconds(20))
                    .select().first(tick -> !ended.get())
                    .map(tick -> sse.newEventBuilder().name("ping").data("").build());
            var hello = Multi.createFrom().item(sse.newEventBuilder().name("ping").data("").reconnectDelay(5000).build());
            return Multi.createBy().concatenating().streams(hello, Multi.createBy().merging().streams(entries, pings));
        });
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
