package org.feedbackloop.feedback.api;

import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.openapi.Counts;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.events.Lengths;
import org.feedbackloop.feedback.api.problem.FeedbackProblem;
import org.feedbackloop.feedback.security.Caller;
import org.feedbackloop.feedback.taxonomy.Topic;
import org.feedbackloop.feedback.taxonomy.TopicCatalog;
import org.feedbackloop.feedback.taxonomy.TopicRepository;
import org.feedbackloop.feedback.understanding.Reanalysis;
import org.feedbackloop.feedback.understanding.ReanalysisJobs;
import org.feedbackloop.feedback.understanding.TopicsByMeaning;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;
import org.feedbackloop.kit.security.Roles;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The managed taxonomy: each topic is defined by what it covers and a few typical sentences (feedback takes the
 * topic it is nearest to in meaning), with keywords as the fallback. A change re-reads the stored feedback in the
 * background; its progress is at {@code /api/feedback/topics/reanalysis}.
 */
@Path("/api/feedback/topics")
@Tag(name = "Topics", description = "The taxonomy that gives feedback its topic")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    /** The re-readings GET /api/feedback/topics/reanalysis shows. */
    static final int RECENT_REANALYSES = 10;
    /** What a keyword must be: the message of each of its checks. */
    static final String KEYWORD_RULE = "must be a lowercase word or phrase of up to " + Topic.MAX_KEYWORD
            + " characters, optionally ending in *";

    private final TopicRepository topics;
    private final TopicCatalog catalog;
    private final TopicsByMeaning byMeaning;
    private final ReanalysisJobs jobs;
    private final Reanalysis reanalysis;
    private final SecurityIdentity identity;

    TopicResource(TopicRepository topics, TopicCatalog catalog, TopicsByMeaning byMeaning, ReanalysisJobs jobs,
                  Reanalysis reanalysis, SecurityIdentity identity) {
        this.topics = topics;
        this.catalog = catalog;
        this.byMeaning = byMeaning;
        this.jobs = jobs;
        this.reanalysis = reanalysis;
        this.identity = identity;
    }

    @Schema(name = "Topic")
    public record TopicView(
            @Schema(examples = "billing", maxLength = Topic.MAX_NAME, pattern = QueryParams.NAME_PATTERN) String name,
            @Schema(description = "What the topic covers; null when not described", nullable = true,
                    examples = "Charges, invoices, refunds, prices and subscriptions.", maxLength = Topic.MAX_DESCRIPTION)
            String description,
            @Schema(description = "Sentences typical of the topic: feedback takes the topic whose examples it is nearest to in meaning",
                    examples = "[\"I was charged twice for one order.\", \"My refund hasn't arrived.\"]", maxItems = Topic.MAX_EXAMPLES)
            List<@Size(min = Topic.MIN_EXAMPLE, max = Topic.MAX_EXAMPLE) String> examples,
            @Schema(description = "The fallback when no topic is near enough in meaning. Lowercase; a trailing * matches a prefix, spaces make a phrase",
                    examples = "[\"invoice*\", \"refund*\", \"credit card\"]", maxItems = Topic.MAX_KEYWORDS)
            List<@Size(max = Topic.MAX_KEYWORD) @Pattern(regexp = Topic.KEYWORD_PATTERN) String> keywords,
            @Schema(description = "Lower wins a tie between topics", examples = "1", minimum = "0", maximum = "" + Topic.MAX_POSITION)
            int position) {

        static TopicView of(Topic topic) {
            return new TopicView(topic.name, topic.description, topic.examples, topic.keywords, topic.position);
        }
    }

    @Schema(name = "UpdateTopic")
    public record UpdateTopic(
            @Size(max = Topic.MAX_DESCRIPTION) String description,
            @Size(max = Topic.MAX_EXAMPLES)
            List<@NotNull @Size(min = Topic.MIN_EXAMPLE, max = Topic.MAX_EXAMPLE) String> examples,
            @Size(max = Topic.MAX_KEYWORDS)
            List<@NotNull @Size(max = Topic.MAX_KEYWORD, message = KEYWORD_RULE) @Pattern(regexp = Topic.KEYWORD_PATTERN,
                    message = KEYWORD_RULE) String> keywords,
            @NotNull @Min(0) @Max(Topic.MAX_POSITION) Integer position) {
    }

    @Schema(name = "Reanalysis")
    public record ReanalysisView(
            UUID id,
            @Schema(examples = "topic billing changed", maxLength = ReanalysisJobs.MAX_REASON) String reason,
            @Schema(description = "Who asked: the id of the person who changed the taxonomy, or system", maxLength = Lengths.PERSON_ID)
            String requestedBy,
            Instant requestedAt,
            @Schema(description = "QUEUED, RUNNING or FINISHED",
                    enumeration = {ReanalysisJobs.Job.QUEUED, ReanalysisJobs.Job.RUNNING, ReanalysisJobs.Job.FINISHED})
            String state,
            @Schema(description = "Items to read", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long total,
            @Schema(description = "Items read so far", minimum = Counts.MIN, maximum = Counts.LONG_MAX) long done,
            @Schema(description = "Items whose topic or sentiment changed (each announced as feedback.updated)",
                    minimum = Counts.MIN, maximum = Counts.LONG_MAX) long changed,
            @Schema(description = "Null while queued", implementation = String.class, format = "date-time", nullable = true)
            Instant startedAt,
            @Schema(description = "Null until finished", implementation = String.class, format = "date-time", nullable = true)
            Instant finishedAt) {

        static ReanalysisView of(ReanalysisJobs.Job job) {
            return new ReanalysisView(job.id(), job.reason(), job.requestedBy(), job.requestedAt(), job.state(),
                    job.total(), job.done(), job.changed(), job.startedAt(), job.finishedAt());
        }
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listTopics",
            summary = "List the topics", description = "Feedback near none of them in meaning and matching none of "
            + "their keywords gets the topic general, which has examples of its own (no keywords). The taxonomy holds "
            + "at most " + Topic.MAX_TOPICS + " topics, general included.")
    @APIResponse(responseCode = "200", description = "Every topic, by position then name",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TopicView.class,
                    maxItems = Topic.MAX_TOPICS)))
    public Uni<List<TopicView>> list() {
        return topics.inOrder().map(list -> list.stream().map(TopicView::of).toList());
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "saveTopic", summary = "Create or replace a topic",
            description = "New feedback is read against it at once (within seconds on other replicas); stored feedback is "
                    + "re-read in the background, see GET /api/feedback/topics/reanalysis. The taxonomy holds at most "
                    + Topic.MAX_TOPICS + " topics: a new one beyond that is refused (409).")
    @APIResponse(responseCode = "200", description = "The topic as stored")
    @APIResponse(responseCode = "400", description = "Invalid name or body; a topic needs an example or a keyword",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A new topic, but the taxonomy already holds " + Topic.MAX_TOPICS
            + " (type TAXONOMY_FULL): remove or reuse one first",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TopicView> put(
            @Parameter(description = "The topic's name", schema = @Schema(type = SchemaType.STRING, maxLength = Topic.MAX_NAME, pattern = QueryParams.NAME_PATTERN))
            @PathParam("name") String name,
            @Valid @NotNull UpdateTopic body) {
        checkName(name);
        if (TopicCatalog.FALLBACK.equals(name) && body.keywords() != null && !body.keywords().isEmpty()) {
            throw ProblemException.invalid("keywords", "the topic " + TopicCatalog.FALLBACK
                    + " takes no keywords: it is what feedback gets when no keyword points elsewhere");
        }
        var examples = distinct(body.examples());
        var keywords = distinct(body.keywords());
        if (examples.isEmpty() && keywords.isEmpty()) {
            throw ProblemException.invalid("examples", "a topic needs at least one example or one keyword");
        }
        var description = body.description() == null || body.description().isBlank() ? null : body.description().strip();
        return Panache.withTransaction(() -> topics.findById(name)
                        .flatMap(existing -> existing != null ? Uni.createFrom().item(existing) : newTopic(name))
                        .flatMap(topic -> {
                            topic.description = description;
                            topic.examples = examples;
                            topic.keywords = keywords;
                            topic.position = body.position();
                            return topics.persist(topic);
                        })
                        .call(topic -> jobs.request("topic " + name + " changed", Caller.of(identity).subject())))
                .invoke(this::changed)
                .map(TopicView::of);
    }

    @DELETE
    @Path("{name}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "removeTopic",
            summary = "Remove a topic", description = "Stored feedback of the topic is re-read in the background and "
            + "takes the nearest remaining topic (feedback whose submitter chose the topic keeps it).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such topic", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> delete(
            @Parameter(description = "The topic's name", schema = @Schema(type = SchemaType.STRING, maxLength = Topic.MAX_NAME, pattern = QueryParams.NAME_PATTERN))
            @PathParam("name") String name) {
        checkName(name);
        if (TopicCatalog.FALLBACK.equals(name)) {
            throw ProblemException.invalid("name", TopicCatalog.FALLBACK + " is the fallback topic: describe it, but it stays");
        }
        return Panache.withTransaction(() -> topics.deleteById(name).flatMap(deleted -> !deleted
                        ? Uni.createFrom().<Boolean>failure(ProblemException.of(ProblemType.NOT_FOUND, "There is no topic " + name))
                        : jobs.request("topic " + name + " removed", Caller.of(identity).subject()).replaceWith(true)))
                .invoke(this::changed)
                .map(deleted -> Response.noContent().build());
    }

    @GET
    @Path("reanalysis")
    @WithSession
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getReanalysis", summary = "Progress of re-reading stored feedback",
            description = "The latest re-readings after taxonomy changes, newest first, with how many items each read and changed.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = ReanalysisView.class, maxItems = RECENT_REANALYSES)))
    public Uni<List<ReanalysisView>> reanalysis() {
        return jobs.recent(RECENT_REANALYSES).map(list -> list.stream().map(ReanalysisView::of).toList());
    }

    private void changed() {
        catalog.invalidate();
        byMeaning.invalidate();
        reanalysis.wakeUp();
    }

    private static void checkName(String name) {
        if (!name.matches(QueryParams.NAME_PATTERN) || "reanalysis".equals(name)) {
            throw ProblemException.invalid("name", "must be 2 to " + Topic.MAX_NAME + " lowercase letters, digits or dashes");
        }
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /**
     * A topic not stored yet, if the taxonomy has room for it. Creators take turns (the table lock conflicts with itself
     * and with writes, not with reads), so that two of them cannot both take the last place.
     */
    private Uni<Topic> newTopic(String name) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("lock table topic in share row exclusive mode").executeUpdate())
                .flatMap(locked -> topics.count())
                .map(count -> {
                    if (count >= Topic.MAX_TOPICS) {
                        throw ProblemException.of(FeedbackProblem.TAXONOMY_FULL, "The taxonomy holds " + count
                                + " topics, the most it can: remove or reuse one before adding " + name);
                    }
                    var topic = new Topic();
                    topic.name = name;
                    return topic;
                });
    }
}
