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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.feedback.domain.RatingScale;
import org.feedbackloop.kit.http.Period;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.security.Roles;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** What customers said over a period, for managers: ratings over time, volume and sentiment by topic and channel. */
@Path("/api/insights")
@Tag(name = "Insights")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.MANAGER, Roles.ADMIN})
public class InsightsResource {

    static final Duration TREND = Duration.ofDays(12 * 7);

    private final RatingInsights ratings;
    private final VolumeInsights volumes;
    private final SilenceDetector silence;
    private final Clock clock = Clock.systemUTC();

    InsightsResource(RatingInsights ratings, VolumeInsights volumes, SilenceDetector silence) {
        this.ratings = ratings;
        this.volumes = volumes;
        this.silence = silence;
    }

    @GET
    @Path("/ratings")
    @Operation(operationId = "getRatingInsights", summary = "NPS or CSAT week by week, with 95% confidence intervals",
            description = "Imported history counts at its own date. Default period: the last 12 weeks; at most 366 days.")
    public Uni<RatingTrend> ratings(
            @Parameter(description = "NPS (default) or CSAT", schema = @Schema(implementation = RatingScale.class))
            @QueryParam("scale") String scale,
            @Parameter(description = Period.FROM + "; default 12 weeks before to",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN, maxLength = Period.BOUND_MAX_LENGTH))
            @QueryParam("from") String from,
            @Parameter(description = Period.TO, schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN, maxLength = Period.BOUND_MAX_LENGTH))
            @QueryParam("to") String to) {
        var params = new QueryParams();
        var ratingScale = params.oneOf("scale", scale, RatingScale.class);
        var period = Period.of(params, from, to, clock.instant(), TREND, Period.LONGEST);
        params.orRefuse();
        return ratings.trend(ratingScale == null ? RatingScale.NPS : ratingScale, period);
    }

    @GET
    @Path("/volume")
    @Operation(operationId = "getVolumeInsights", summary = "Feedback volume and sentiment by topic and by channel",
            description = "Default period: the last 30 days; at most 366 days.")
    public Uni<VolumeBreakdown> volume(
            @Parameter(description = Period.FROM + "; default 30 days before to",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN, maxLength = Period.BOUND_MAX_LENGTH))
            @QueryParam("from") String from,
            @Parameter(description = Period.TO, schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN, maxLength = Period.BOUND_MAX_LENGTH))
            @QueryParam("to") String to) {
        var params = new QueryParams();
        var period = Period.of(params, from, to, clock.instant());
        params.orRefuse();
        return volumes.breakdown(period);
    }

    @GET
    @Path("/silence")
    @Operation(operationId = "listSilenceFlags", summary = "Topics and channels that went quiet",
            description = "A segment is flagged when its last 7 whole days (UTC) had so few items that, at the rate of its "
                    + "8 weeks before, so few or fewer would happen by chance less than once in a hundred (a one-sided "
                    + "Poisson test); segments expected to have fewer than 5 items a week are never flagged. Checked "
                    + "every hour, flagged at most once per segment and week, and announced as insight.silence-detected. "
                    + "Newest first, at most " + SilenceDetector.MOST_FLAGS + ". Default period: the last 8 weeks; at most 366 days.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SilenceFlag.class,
            maxItems = SilenceDetector.MOST_FLAGS)))
    public Uni<List<SilenceFlag>> silence(
            @Parameter(description = Period.FROM + "; default 8 weeks before to",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN, maxLength = Period.BOUND_MAX_LENGTH))
            @QueryParam("from") String from,
            @Parameter(description = Period.TO, schema = @Schema(type = SchemaType.STRING, pattern = Period.BOUND_PATTERN, maxLength = Period.BOUND_MAX_LENGTH))
            @QueryParam("to") String to) {
        var params = new QueryParams();
        var period = Period.of(params, from, to, clock.instant(), Duration.ofDays(7L * SilenceRule.BASELINE_WEEKS), Period.LONGEST);
        params.orRefuse();
        return silence.flags(period);
    }
}
