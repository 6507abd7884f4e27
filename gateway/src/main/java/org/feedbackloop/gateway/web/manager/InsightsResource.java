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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.Instant;
import java.util.List;

/**
 * Insights for managers: NPS and CSAT week by week, how many contributors were told and how fast, who is still
 * waiting, overdue actions and repeats by team. Each table downloads as CSV.
 */
@Path("/manager/insights")
@RolesAllowed({Viewer.MANAGER, Viewer.ADMIN})
public class InsightsResource {

    @CheckedTemplate(basePath = "web/manager")
    static class Templates {
        static native TemplateInstance insights(PageContext ctx, InsightsReport.Report report, List<Integer> periods,
                                                LineChart npsChart, LineChart csatChart, BarChart loopChart);
    }

    private final Pages pages;
    private final InsightsReport reports;

    InsightsResource(Pages pages, InsightsReport reports) {
        this.pages = pages;
        this.reports = reports;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> page(@RestQuery String weeks) {
        return pages.context("insights", null).flatMap(ctx -> reports.of(ctx.viewer().accessToken(), weeks(weeks), Instant.now())
                .map(report -> Templates.insights(ctx, report, InsightsReport.PERIODS,
                        trendChart("nps-chart", "NPS", report.nps().value(), -100, 100, 50),
                        trendChart("csat-chart", "CSAT (% satisfied)", report.csat().value(), 0, 100, 25),
                        loopChart(report.loop().value()))));
    }

    @GET
    @Path("/{table}.csv")
    @Produces("text/csv")
    public Uni<Response> csv(@RestPath String table, @RestQuery String weeks) {
        var which = InsightsCsv.Table.ofFileName(table);
        if (which == null) {
            return Uni.createFrom().item(Response.status(404).type(MediaType.TEXT_PLAIN).entity("No such table.\n").build());
        }
        int span = weeks(weeks);
        return pages.viewer().flatMap(viewer -> reports.of(viewer.accessToken(), span, Instant.now())).map(report -> {
            var csv = InsightsCsv.of(which, report);
            if (csv == null) {
                return Response.status(503).type(MediaType.TEXT_PLAIN)
                        .entity("These figures cannot be read right now; try again in a minute.\n").build();
            }
            return Response.ok(csv, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + which.fileName() + "-" + span + "-weeks.csv\"")
                    .build();
        });
    }

    static int weeks(String value) {
        try {
            int weeks = Integer.parseInt(value == null ? "" : value.strip());
            return InsightsReport.PERIODS.contains(weeks) ? weeks : InsightsReport.DEFAULT_WEEKS;
        } catch (NumberFormatException e) {
            return InsightsReport.DEFAULT_WEEKS;
        }
    }

    static LineChart trendChart(String id, String name, InsightsReport.Trend trend, int min, int max, long step) {
        var entries = trend == null ? List.<LineChart.Entry>of() : trend.weeks().stream()
                .map(week -> new LineChart.Entry(week.weekStart().toString(), week.rating().score(), week.rating().low(),
                        week.rating().high(), week.rating().responses(), week.rating().smallSample()))
                .toList();
        return LineChart.of(id, name + " week by week",
                "One point per week with its score written above it; the shaded band is the 95% confidence interval. "
                        + "A hollow point has fewer than 30 ratings; a week without ratings breaks the line. "
                        + "The same numbers are in the table below.", min, max, step, entries);
    }

    static BarChart loopChart(InsightsReport.Loop loop) {
        var series = List.of(new BarChart.Series("Contributors", "series-volume"),
                new BarChart.Series("Told an update", "series-told"));
        var entries = loop == null ? List.<BarChart.Entry>of() : loop.byTeam().stream()
                .map(g -> new BarChart.Entry(g.key(), List.of(g.contributors(), g.told()))).toList();
        return BarChart.of("loop-chart", "Contributors and how many were told an update, by team",
                "For each team, two bars: contributors whose feedback came in during the period, and how many of them "
                        + "have been told a substantive update. The numbers are written at the end of each bar and in "
                        + "the table below.", series, entries);
    }

    @ServerExceptionMapper
    Response notForThisRole(ForbiddenException e) {
        return Pages.forbidden();
    }
}
