package org.feedbackloop.gateway.web.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.feedbackloop.gateway.web.shared.PageContext;
import org.feedbackloop.gateway.web.shared.Pages;
import org.feedbackloop.gateway.web.shared.ProblemMessage;
import org.feedbackloop.gateway.web.shared.Service;
import org.feedbackloop.gateway.web.shared.ServiceClient;
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** "My feedback": each item with the story of what happened to it. */
@Path("/portal/feedback")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Viewer.CUSTOMER)
public class MyFeedbackResource {

    @CheckedTemplate(basePath = "web/portal")
    static class Templates {
        static native TemplateInstance feedback(PageContext ctx, List<FeedbackTimeline> timelines, String nextCursor,
                                                ProblemMessage problem, ProblemMessage inboxProblem);

        static native TemplateInstance timeline(PageContext ctx, FeedbackTimeline timeline, ProblemMessage inboxProblem);

        static native TemplateInstance missing(PageContext ctx, ProblemMessage problem);
    }

    private final Pages pages;
    private final ServiceClient services;
    private final Inbox inbox;

    MyFeedbackResource(Pages pages, ServiceClient services, Inbox inbox) {
        this.pages = pages;
        this.services = services;
        this.inbox = inbox;
    }

    @GET
    public Uni<TemplateInstance> list(@RestQuery String cursor, @RestQuery String notice) {
        return pages.context("feedback", notice).flatMap(ctx -> {
            var query = "/api/feedback?limit=20"
                    + (cursor == null || cursor.isBlank() ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            var items = services.get(Service.FEEDBACK, query, ctx.viewer().accessToken());
            return Uni.combine().all().unis(items, inbox.recent(ctx.viewer().accessToken())).asTuple().map(both -> {
                var response = both.getItem1();
                var notifications = both.getItem2();
                if (!response.ok()) {
                    return Templates.feedback(ctx, List.of(), null, ProblemMessage.of(response),
                            notifications.problem());
                }
                var page = services.read(response, FeedbackItem.Page.class);
                var timelines = page.items().stream().map(item -> FeedbackTimeline.of(item, notifications.items())).toList();
                return Templates.feedback(ctx, timelines, page.nextCursor(), null, notifications.problem());
            });
        });
    }

    @GET
    @Path("{id}")
    public Uni<Response> timeline(@RestPath String id, @RestQuery String notice) {
        return pages.context("feedback", notice).flatMap(ctx -> {
            UUID feedbackId;
            try {
                feedbackId = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().item(Response.status(404)
                        .entity(Templates.missing(ctx, ProblemMessage.of(404, null))).build());
            }
            var item = services.get(Service.FEEDBACK, "/api/feedback/" + feedbackId, ctx.viewer().accessToken());
            return Uni.combine().all().unis(item, inbox.recent(ctx.viewer().accessToken())).asTuple().map(both -> {
                var response = both.getItem1();
                if (!response.ok()) {
                    return Response.status(response.unavailable() ? 503 : response.status())
                            .entity(Templates.missing(ctx, ProblemMessage.of(response))).build();
                }
                var timeline = FeedbackTimeline.of(services.read(response, FeedbackItem.class),
                        both.getItem2().items());
                return Response.ok(Templates.timeline(ctx, timeline, both.getItem2().problem())).build();
            });
        });
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
