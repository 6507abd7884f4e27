package org.feedbackloop.gateway.web.manager;

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
import org.feedbackloop.gateway.web.shared.Viewer;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The manager's overview: open, overdue and escalated actions by team; feedback volume by topic. */
@Path("/manager")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Viewer.MANAGER, Viewer.ADMIN})
public class ManagerResource {

    static final int DAYS = 30;

    @CheckedTemplate(basePath = "web/manager")
    static class Templates {
        static native TemplateInstance overview(PageContext ctx, Insights.TeamSummary teams, BarChart teamChart,
                                                Insights.TopicSummary topics, BarChart topicChart);
    }

    private final Pages pages;
    private final Insights insights;

    ManagerResource(Pages pages, Insights insights) {
        this.pages = pages;
        this.insights = insights;
    }

    @GET
    public Uni<TemplateInstance> overview() {
        return pages.context("manager", null).flatMap(ctx -> {
            var token = ctx.viewer().accessToken();
            return Uni.combine().all().unis(insights.teams(token), insights.topics(token, DAYS)).asTuple().map(both -> {
                var teams = both.getItem1();
                var topics = both.getItem2();
                return Templates.overview(ctx, teams, teamChart(teams), topics, topicChart(topics));
            });
        });
    }

    static BarChart teamChart(Insights.TeamSummary teams) {
        var series = List.of(new BarChart.Series("Open", "series-open"), new BarChart.Series("Overdue", "series-overdue"),
                new BarChart.Series("Escalated", "series-escalated"));
        var entries = teams.teams().stream()
                .map(t -> new BarChart.Entry(t.team(), List.of(t.open(), t.overdue(), t.escalated()))).toList();
        return BarChart.of("teams-chart", "Open, overdue and escalated actions by team",
                "For each team, three bars: open actions, overdue actions and escalated actions. "
                        + "The numbers are written at the end of each bar and in the table below.", series, entries);
    }

    static BarChart topicChart(Insights.TopicSummary topics) {
        var series = List.of(new BarChart.Series("Feedback items", "series-volume"));
        var entries = topics.topics().stream().map(t -> new BarChart.Entry(t.topic(), List.of(t.count()))).toList();
        return BarChart.of("topics-chart", "Feedback volume by topic, last " + DAYS + " days",
                "One bar per topic, longest first; the number of items is written at the end of each bar and in the "
                        + "table below.", series, entries);
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
