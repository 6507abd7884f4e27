package org.feedbackloop.gateway.web.console;

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
import org.feedbackloop.gateway.web.shared.ServiceClient;
import org.feedbackloop.gateway.web.shared.Viewer;
import org.feedbackloop.gateway.web.shared.WebConfig;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.LinkedHashMap;
import java.util.List;

/** The action queue: open actions of my team (or all teams, for managers), most urgent first. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.OWNER, Viewer.MANAGER, Viewer.ADMIN})
public class QueueResource {

    /** Which part of the queue a page shows, and how to link to its neighbours. */
    public record QueueView(String view, String team, List<String> teams, boolean chooseAnyTeam) {

        public boolean is(String name) {
            return name.equals(view);
        }

        public String link(String toView) {
            return "/console?view=" + toView + (team == null ? "" : "&team=" + team);
        }

        public boolean teamIs(String name) {
            return name.equals(team);
        }
    }

    @CheckedTemplate(basePath = "web/console")
    static class Templates {
        static native TemplateInstance queue(PageContext ctx, QueueView view, Actions.Queue queue);

        static native TemplateInstance kudos(PageContext ctx, QueueView view, Kudos.Wall wall, Boolean storiesOn);
    }

    private final Pages pages;
    private final Actions actions;
    private final Kudos kudos;
    private final ServiceClient services;
    private final WebConfig config;

    QueueResource(Pages pages, Actions actions, Kudos kudos, ServiceClient services, WebConfig config) {
        this.pages = pages;
        this.actions = actions;
        this.kudos = kudos;
        this.services = services;
        this.config = config;
    }

    @GET
    public Uni<TemplateInstance> queue(@RestQuery String view, @RestQuery String team, @RestQuery String cursor,
                                       @RestQuery String notice) {
        return pages.context("console", notice).flatMap(ctx -> {
            var viewer = ctx.viewer();
            var chosenView = view == null || !List.of("team", "mine", "overdue", "kudos").contains(view) ? "team" : view;
            var teams = viewer.isManager() ? config.teams() : viewer.teams();
            String chosenTeam;
            if (team != null && teams.contains(team)) {
                chosenTeam = team;
            } else {
                chosenTeam = viewer.isManager() || teams.isEmpty() ? null : teams.getFirst();
            }
            var queueView = new QueueView(chosenView, chosenTeam, teams, viewer.isManager());
            if ("kudos".equals(chosenView)) {
                return Uni.combine().all().unis(kudos.wall(viewer.accessToken(), chosenTeam, cursor, 25),
                                StoriesResource.storiesOn(services, viewer.accessToken())).asTuple()
                        .map(both -> Templates.kudos(ctx, queueView, both.getItem1(), both.getItem2()));
            }
            var filters = new LinkedHashMap<String, String>();
            if (chosenTeam != null) {
                filters.put("team", chosenTeam);
            }
            if ("mine".equals(chosenView)) {
                filters.put("owner", "me");
            } else if ("overdue".equals(chosenView)) {
                filters.put("overdue", "true");
            }
            return actions.queue(viewer.accessToken(), filters, cursor, 25)
                    .map(queue -> Templates.queue(ctx, queueView, queue));
        });
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
