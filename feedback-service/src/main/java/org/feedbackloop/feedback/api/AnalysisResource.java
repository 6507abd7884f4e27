package org.feedbackloop.feedback.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.events.ProblemVector;
import org.feedbackloop.feedback.analysis.FeedbackSpace;
import org.feedbackloop.feedback.analysis.Segments;
import org.feedbackloop.feedback.analysis.SentimentLabel;
import org.feedbackloop.feedback.domain.Feedback;
import org.feedbackloop.feedback.domain.NewFeedback;
import org.feedbackloop.feedback.taxonomy.Topic;
import org.feedbackloop.feedback.understanding.Previews;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.http.WellFormedText;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;

import java.util.List;

/** Reading a text without storing it: what the analysis would make of a draft. */
@Path("/api/feedback/analysis")
@Tag(name = "Feedback")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class AnalysisResource {

    private final Previews previews;

    AnalysisResource(Previews previews) {
        this.previews = previews;
    }

    @Schema(name = "AnalyseText")
    public record AnalyseText(
            @Schema(description = "The text to read, 1 to " + NewFeedback.MAX_TEXT + " characters",
                    examples = "You charged me twice for one order.")
            @NotBlank @Size(max = NewFeedback.MAX_TEXT) @WellFormedText String text) {
    }

    @Schema(name = "TextAnalysis")
    public record TextAnalysis(
            @Schema(description = "The topic the text would take", examples = "billing", maxLength = Topic.MAX_NAME,
                    pattern = QueryParams.NAME_PATTERN) String topic,
            @Schema(description = "True when found by meaning, false when by keywords or the fallback") boolean topicByMeaning,
            @Schema(description = "The nearest topics by meaning, best first, with their scores",
                    maxItems = Previews.NEAREST_TOPICS) List<TopicScore> nearestTopics,
            @Schema(description = "From -1 (very negative) to 1 (very positive)", examples = "-0.71") double sentiment,
            @Schema(description = "POSITIVE, NEGATIVE, NEUTRAL or MIXED", type = SchemaType.STRING,
                    implementation = SentimentLabel.class)
            String sentimentLabel,
            @Schema(description = "Each part of the text and its sentiment", maxItems = Segments.MAX_SEGMENTS)
            List<Feedback.SentimentPart> parts,
            @Schema(description = "What the text is about as a vector: pass it to POST /api/public/updates/similar to find "
                    + "public actions about the same problem") ProblemVector problem) {
    }

    @Schema(name = "TopicScore")
    public record TopicScore(@Schema(maxLength = Topic.MAX_NAME, pattern = QueryParams.NAME_PATTERN) String topic, double score) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "analyseText", summary = "Read a text without storing it",
            description = "Topic, sentiment (of the whole and of each part) and problem vector, as the analysis would give "
                    + "them to feedback with this text. Nothing is stored or announced.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TextAnalysis.class)))
    @APIResponse(responseCode = "400", description = "No text, or more than " + NewFeedback.MAX_TEXT + " characters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The model is busy or still loading; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<TextAnalysis> analyse(@Valid @NotNull AnalyseText body) {
        return previews.read(body.text()).map(preview -> {
            var reading = preview.reading();
            var parts = reading.parts().stream().map(p -> new Feedback.SentimentPart(p.start(), p.end(), p.sentiment())).toList();
            var nearest = preview.topics().stream().map(m -> new TopicScore(m.topic(), Math.round(m.score() * 1000) / 1000.0)).toList();
            return new TextAnalysis(preview.topic(), preview.topicByMeaning(), nearest, reading.sentiment(),
                    reading.label().name(), parts, new ProblemVector(FeedbackSpace.PROBLEM_SPACE, reading.problem()));
        });
    }
}
