package org.feedbackloop.feedback.insights;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/** Feedback volume by topic, for staff dashboards. */
@Path("/api/feedback/summary")
@Tag(name = "Feedback")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    private static final Comparator<VolumeSummary.TopicCount> MOST_FIRST =
            Comparator.comparingLong(VolumeSummary.TopicCount::count).reversed().thenComparing(VolumeSummary.TopicCount::topic);

    private final TopicVolumes volumes;
    private final Clock clock = Clock.systemUTC();

    SummaryResource(TopicVolumes volumes) {
        this.volumes = volumes;
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "summariseFeedback",
            summary = "Feedback received per topic over the last days",
            description = "Most frequent topic first; at most " + VolumeSummary.MAX_TOPICS + " topics, the total counts them all.")
    public Uni<VolumeSummary> summary(
            @Parameter(description = "1 to " + MAX_DAYS + ", default " + DEFAULT_DAYS,
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "" + MAX_DAYS))
            @QueryParam("days") String days) {
        var to = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var from = to.minus(Duration.ofDays(days(days)));
        return volumes.counts(days(days), to).map(counts -> {
            var topics = counts.entrySet().stream()
                    .map(entry -> new VolumeSummary.TopicCount(entry.getKey(), entry.getValue())).sorted(MOST_FIRST).toList();
            var total = topics.stream().mapToLong(VolumeSummary.TopicCount::count).sum();
            return new VolumeSummary(topics.stream().limit(VolumeSummary.MAX_TOPICS).toList(), total, from, to);
        });
    }

    private static int days(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("days", "must be an integer from 1 to " + MAX_DAYS);
    }
}
