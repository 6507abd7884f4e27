package org.feedbackloop.action.api;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import org.feedbackloop.action.api.problem.ActionProblem;
import org.feedbackloop.action.domain.Names;
import org.feedbackloop.action.routing.RoutingRule;
import org.feedbackloop.action.routing.RoutingRuleRepository;
import org.feedbackloop.kit.http.WellFormedText;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;
import org.feedbackloop.kit.security.Roles;

import java.time.Clock;
import java.util.List;

/** The routing rules triage applies: topic → team and default owner. */
@Path("/api/routing-rules")
@Tag(name = "Routing rules", description = "Where triage sends feedback of each topic")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingRuleResource {

    private final RoutingRuleRepository rules;
    private final Clock clock;

    RoutingRuleResource(RoutingRuleRepository rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @Schema(name = "RoutingRule")
    public record RoutingRuleView(
            @Schema(examples = "billing", pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String topic,
            @Schema(examples = "billing", pattern = Names.PATTERN, maxLength = Names.MAX_LENGTH) String team,
            @Schema(description = "Owner of new actions of this topic (token subject); none: the team's queue",
                    maxLength = ActionRequests.LONGEST_OWNER_ID, nullable = true) String defaultOwnerId,
            @Schema(description = "Display name of the default owner; none without one",
                    maxLength = ActionRequests.LONGEST_OWNER_NAME, nullable = true) String defaultOwnerName) {

        static RoutingRuleView of(RoutingRule rule) {
            return new RoutingRuleView(rule.topic, rule.team, rule.defaultOwnerId, rule.defaultOwnerName);
        }
    }

    @Schema(name = "RoutingRuleChange")
    public record RoutingRuleChange(
            @Schema(maxLength = Names.MAX_LENGTH)
            @NotNull @Pattern(regexp = Names.PATTERN, message = "must be a team name such as billing") String team,
            @Size(max = ActionRequests.LONGEST_OWNER_ID) @WellFormedText String defaultOwnerId,
            @Size(max = ActionRequests.LONGEST_OWNER_NAME) @WellFormedText String defaultOwnerName) {
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "listRoutingRules",
            summary = "List the routing rules", description = "Every rule, by topic: at most "
            + RoutingRuleRepository.MAX_RULES + ". Topics without a rule go to the triage team.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY,
            implementation = RoutingRuleView.class, maxItems = RoutingRuleRepository.MAX_RULES)))
    public Uni<List<RoutingRuleView>> list() {
        return rules.inOrder().map(list -> list.stream().map(RoutingRuleView::of).toList());
    }

    @PUT
    @Path("{topic}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "saveRoutingRule",
            summary = "Create or replace the rule of a topic", description = "Applies to feedback triaged from now on. "
            + "The service keeps at most " + RoutingRuleRepository.MAX_RULES + " rules: a new topic beyond them is "
            + "refused until one is deleted; replacing a rule is always possible.")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(schema = @Schema(implementation = RoutingRuleView.class)))
    @APIResponse(responseCode = "400", description = "The topic or the body is invalid; errors name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The topic has no rule yet and there are "
            + RoutingRuleRepository.MAX_RULES + " rules already (TOO_MANY_RULES)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RoutingRuleView> put(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = Names.PATTERN,
                                            maxLength = Names.MAX_LENGTH)) @PathParam("topic") String topic,
                                    @Valid @NotNull RoutingRuleChange body) {
        requireTopicName(topic);
        return Panache.withTransaction(() -> rules.lockForChange().flatMap(locked -> rules.findById(topic))
                .flatMap(existing -> existing != null ? Uni.createFrom().item(existing) : rules.count().map(count -> {
                    if (count >= RoutingRuleRepository.MAX_RULES) {
                        throw ProblemException.of(ActionProblem.TOO_MANY_RULES, "There are "
                                + RoutingRuleRepository.MAX_RULES + " routing rules already, the most the service "
                                + "keeps; delete one to add a rule for " + topic);
                    }
                    return newRule(topic);
                }))
                .flatMap(rule -> {
                    rule.team = body.team();
                    rule.defaultOwnerId = body.defaultOwnerId();
                    rule.defaultOwnerName = body.defaultOwnerId() == null ? null : body.defaultOwnerName();
                    rule.updatedAt = clock.instant();
                    return rules.persist(rule);
                })).map(RoutingRuleView::of);
    }

    @DELETE
    @Path("{topic}")
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "deleteRoutingRule",
            summary = "Delete the rule of a topic", description = "Its feedback then goes to the triage team.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "The topic has no rule",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> delete(@Parameter(schema = @Schema(type = SchemaType.STRING, pattern = Names.PATTERN,
                                        maxLength = Names.MAX_LENGTH)) @PathParam("topic") String topic) {
        requireTopicName(topic);
        return Panache.withTransaction(() -> rules.deleteById(topic)).map(deleted -> deleted
                ? Response.noContent().build()
                : Response.status(404).type(Problem.MEDIA_TYPE)
                        .entity(Problem.of(ProblemType.NOT_FOUND, "There is no rule for topic " + topic)).build());
    }

    private static void requireTopicName(String topic) {
        if (!topic.matches(Names.PATTERN)) {
            throw ProblemException.invalid("topic", "must be a topic name such as billing");
        }
    }

    private static RoutingRule newRule(String topic) {
        var rule = new RoutingRule();
        rule.topic = topic;
        return rule;
    }
}
