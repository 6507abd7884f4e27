package org.feedbackloop.feedback.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.feedback.api.problem.ProblemException;
import org.feedbackloop.feedback.security.Roles;
import org.feedbackloop.feedback.taxonomy.Topic;
import org.feedbackloop.feedback.taxonomy.TopicCatalog;
import org.feedbackloop.feedback.taxonomy.TopicRepository;

import java.util.List;

/** The keyword taxonomy that derives a topic from feedback text. */
@Path("/api/feedback/topics")
@Tag(name = "Topics", description = "The taxonomy that gives feedback its topic")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    private final TopicRepository topics;
    private final TopicCatalog catalog;

    TopicResource(TopicRepository topics, TopicCatalog catalog) {
        this.topics = topics;
        this.catalog = catalog;
    }

    @Schema(name = "Topic")
    public record TopicView(
            @Schema(examples = "billing") String name,
            @Schema(description = "Lowercase keywords; a trailing * matches a prefix, spaces make a phrase",
                    examples = "[\"invoice*\", \"refund*\", \"credit card\"]") List<String> keywords,
            @Schema(description = "Lower wins a tie between topics", examples = "1") int position) {

        static TopicView of(Topic topic) {
            return new TopicView(topic.name, topic.keywords, topic.position);
        }
    }

    @Schema(name = "UpdateTopic")
    public record UpdateTopic(
            @NotEmpty @Size(max = 200)
            List<@NotNull @Pattern(regexp = "[\\p{Ll}\\p{N}][\\p{Ll}\\p{N}' -]{0,58}\\*?",
                    message = "must be a lowercase word or phrase of up to 60 characters, optionally ending in *") String> keywords,
            @NotNull @Min(0) @Max(1000) Integer position) {
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(summary = "List the topics", description = "Feedback that matches none of them gets the topic general.")
    public Uni<List<TopicView>> list() {
        return topics.inOrder().map(list -> list.stream().map(TopicView::of).toList());
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "Create or replace a topic", description = "Applies to feedback submitted from now on.")
    @APIResponse(responseCode = "200", description = "The topic as stored")
    public Uni<TopicView> put(@PathParam("name") String name, @Valid @NotNull UpdateTopic body) {
        if (!name.matches("[a-z][a-z0-9-]{1,39}") || TopicCatalog.FALLBACK.equals(name)) {
            throw ProblemException.invalid("name", "must be 2 to 40 lowercase letters, digits or dashes, and not "
                    + TopicCatalog.FALLBACK);
        }
        return Panache.withTransaction(() -> topics.findById(name)
                        .map(existing -> existing != null ? existing : newTopic(name))
                        .flatMap(topic -> {
                            topic.keywords = body.keywords().stream().map(String::strip).distinct().toList();
                            topic.position = body.position();
                            return topics.persist(topic);
                        }))
                .invoke(catalog::invalidate)
                .map(TopicView::of);
    }

    private static Topic newTopic(String name) {
        var topic = new Topic();
        topic.name = name;
        return topic;
    }
}
