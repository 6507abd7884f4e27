package org.feedbackloop.action.api;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.ActionPosition;
import org.feedbackloop.action.domain.ActionService;
import org.feedbackloop.action.domain.HistoryRepository;
import org.feedbackloop.action.security.Caller;
import org.feedbackloop.action.similarity.Neighbours;
import org.feedbackloop.action.similarity.RepresentativeFeedback;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;
import org.feedbackloop.kit.signing.CursorCodec;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The action part of the public contract: the queue, the workflow, and the changes owners make. */
@Path("/api/actions")
@Tag(name = "Actions", description = "Tracked work that comes out of feedback: owners, deadlines, workflow")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

    private static final String IF_MATCH_DESCRIPTION = "The ETag of the action as you read it";

    private final SecurityIdentity identity;
    private final ActionService actions;
    private final CursorCodec cursors;
    private final Neighbours neighbours;
    private final RepresentativeFeedback representatives;
    private final Clock clock;

    ActionResource(SecurityIdentity identity, ActionService actions, CursorCodec cursors, Neighbours neighbours,
                   RepresentativeFeedback representatives, Clock clock) {
        this.identity = identity;
        this.actions = actions;
        this.cursors = cursors;
        this.neighbours = neighbours;
        this.representatives = representatives;
        this.clock = clock;
    }

    /** One page of actions with its cursor. */
    @Schema(name = "ActionPage")
    public record ActionPage(@Schema(maxItems = QueryParams.MAX_LIMIT) List<ActionView> items,
                             @Schema(description = "Pass as cursor for the next page; null on the last", nullable = true,
                                     maxLength = CursorCodec.MAX_LENGTH, pattern = CursorCodec.PATTERN)
                             String nextCursor) {
    }

    @GET
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listActions",
            summary = "The action queue", description = "Most urgent first by default. Combine owner=me, team, "
            + "status, overdue and feedbackId; follow nextCursor for more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActionPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, sort, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<ActionPage> list(@BeanParam ListActionsParams params) {
        var now = clock.instant();
        var query = params.toQuery(caller(), cursors, now);
        return actions.page(query).map(found -> {
            var more = found.size() > query.limit();
            var page = more ? found.subList(0, query.limit()) : found;
            var next = more ? cursor(ActionPosition.of(query.sort(), page.getLast())) : null;
            return new ActionPage(page.stream().map(action -> ActionView.of(action, now)).toList(), next);
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "getAction",
            summary = "One action with its history", description = "The ETag header carries its version; history holds "
            + "its newest " + HistoryRepository.NEWEST + " changes.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "404", description = "No such action", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> get(@Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id) {
        return actions.detail(QueryParams.uuid("id", id)).map(detail -> Response.ok(ActionView.of(detail.action(), clock.instant(), detail.history()))
                .header(HttpHeaders.ETAG, Versions.etag(detail.action())).build());
    }

    /** One page of an action's feedback with its cursor. */
    @Schema(name = "LinkedFeedbackPage")
    public record LinkedFeedbackPage(@Schema(maxItems = QueryParams.MAX_LIMIT) List<LinkedFeedbackView> items,
                                     @Schema(description = "Pass as cursor for the next page; null on the last",
                                             nullable = true, maxLength = CursorCodec.MAX_LENGTH,
                                             pattern = CursorCodec.PATTERN)
                                     String nextCursor) {
    }

    /** The order of an action's feedback pages: as it was linked. */
    static final String LINKED_ORDER = "linked";

    @GET
    @Path("{id}/feedback")
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listActionFeedback",
            summary = "The feedback an action tracks, in the contributors' own words",
            description = "The feedback the action tracks, in the order it was linked (the first that opened it "
                    + "first), with its channel, rating, sentiment and when it was received and linked: what customers "
                    + "actually said, not only how many said it. Follow nextCursor for more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LinkedFeedbackPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid id, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LinkedFeedbackPage> feedback(
            @Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id,
            @Parameter(description = PageSize.DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = PageSize.MINIMUM, maximum = PageSize.MAXIMUM, defaultValue = PageSize.DEFAULT))
            @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page", schema = @Schema(type = SchemaType.STRING,
                    maxLength = CursorCodec.MAX_LENGTH, pattern = CursorCodec.PATTERN))
            @QueryParam("cursor") String cursor) {
        var actionId = QueryParams.uuid("id", id);
        var params = new QueryParams();
        var pageSize = params.limit(limit);
        var after = params.parse("cursor", cursor, c -> cursors.decode(c, ActionResource::linked),
                "is not a cursor this API returned");
        params.orRefuse();
        return actions.feedbackOf(actionId, after == null ? null : after.key(), after == null ? null : after.id(),
                pageSize + 1).map(found -> {
            var more = found.size() > pageSize;
            var page = more ? found.subList(0, pageSize) : found;
            var next = more ? cursors.encode(LINKED_ORDER, page.getLast().linkedAt, page.getLast().feedbackId) : null;
            return new LinkedFeedbackPage(page.stream().map(LinkedFeedbackView::of).toList(), next);
        });
    }

    private static CursorCodec.Position linked(CursorCodec.Position position) {
        if (!LINKED_ORDER.equals(position.order())) {
            throw new IllegalArgumentException(position.order());
        }
        return position;
    }

    @GET
    @Path("{id}/representative")
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getRepresentativeFeedback",
            summary = "The feedback that says best what the action is about",
            description = "Of the action's feedback (not silent; the most recent 500 with a problem vector), the piece "
                    + "nearest in meaning to the action's mean; without vectors, its oldest feedback. A starting point "
                    + "for a public title: a public title that repeats a contributor's words is refused.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RepresentativeView.class)))
    @APIResponse(responseCode = "404", description = "No such action, or it tracks no feedback (a merged action)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<RepresentativeView> representative(
            @Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id) {
        return representatives.of(QueryParams.uuid("id", id)).map(RepresentativeView::of);
    }

    @GET
    @Path("{id}/similar")
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listSimilarToAction", summary = "Actions and feedback like this action",
            description = "Open actions of any team about the same problem (candidates to merge) and feedback of other "
                    + "actions that reads like this one's (candidates to link).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SimilarView.class)))
    @APIResponse(responseCode = "404", description = "No such action", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<SimilarView> ofAction(@Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id,
                                     @Parameter(description = SimilarResource.LIMIT) @QueryParam("limit") @DefaultValue("5")
                                     @Min(1) @Max(SimilarResource.MAX_LIMIT) int limit) {
        return neighbours.ofAction(QueryParams.uuid("id", id), limit).map(SimilarView::of);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "createAction",
            summary = "Open an action for feedback", description = "For feedback triage did not link yet. "
            + "Owners open actions for their teams and own them.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "from feedback", value = "{\"feedbackIds\": [\"0b6f1f8e-8c1e-4f3a-9a57-1f0c3c1b2d4e\"]}")))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set",
            content = @Content(schema = @Schema(implementation = ActionView.class)),
            headers = @Header(name = HttpHeaders.LOCATION, description = "The action's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 100)))
    @APIResponse(responseCode = "409", description = "A feedback is already tracked", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "The body is invalid; errors name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> create(@Valid @NotNull ActionRequests.CreateAction body) {
        return actions.create(caller(), new ActionService.NewAction(body.feedbackIds(), body.title(), body.team(),
                        body.priority(), body.dueAt()))
                .map(action -> Response.status(Response.Status.CREATED)
                        .header(HttpHeaders.LOCATION, "/api/actions/" + action.id)
                        .header(HttpHeaders.ETAG, Versions.etag(action))
                        .entity(ActionView.of(action, clock.instant())).build());
    }

    @POST
    @Path("{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "transitionAction", summary = "Move the action through its workflow",
            description = "OPEN → PLANNED → IN_PROGRESS → DONE, and DECLINED from any open state. DONE and DECLINED "
                    + "need a publicNote: it is what every contributor reads.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "done", value = "{\"to\": \"DONE\", \"publicNote\": \"We refunded every double charge.\"}")))
    @APIResponse(responseCode = "200", description = "Moved; new ETag", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match version", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "The workflow forbids it, or publicTitle repeats a contributor's words",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "The body or If-Match is invalid; errors name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> transition(@Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id,
                                    @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                            maxLength = Versions.LONGEST_IF_MATCH, pattern = Versions.IF_MATCH_PATTERN)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @Valid @NotNull ActionRequests.Transition body) {
        return changed(actions.transition(caller(), QueryParams.uuid("id", id), Versions.fromIfMatch(ifMatch), body.to(), body.note(), body.publicNote(), body.publicTitle()));
    }

    @POST
    @Path("{id}/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "postActionProgress",
            summary = "Tell every contributor about progress", description = "Without changing the status; "
            + "it stops the inform clock.")
    @APIResponse(responseCode = "200", description = "Told; new ETag", content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "422", description = "The action is closed, or publicTitle repeats a contributor's words",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "400", description = "The body or If-Match is invalid; errors name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match version: the action changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> update(@Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id,
                                @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                        maxLength = Versions.LONGEST_IF_MATCH, pattern = Versions.IF_MATCH_PATTERN)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ActionRequests.ProgressUpdate body) {
        return changed(actions.postProgress(caller(), QueryParams.uuid("id", id), Versions.fromIfMatch(ifMatch), body.publicNote(), body.publicTitle()));
    }

    @PUT
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "assignAction",
            summary = "Assign the action", description = "Owners claim actions of their team (or give them back "
            + "with a null ownerId); managers and admins assign anyone.")
    @APIResponse(responseCode = "200", description = "Assigned; new ETag",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The body or If-Match is invalid; errors name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match version: the action changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> assign(@Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id,
                                @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                        maxLength = Versions.LONGEST_IF_MATCH, pattern = Versions.IF_MATCH_PATTERN)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull ActionRequests.Assignment body) {
        return changed(actions.assign(caller(), QueryParams.uuid("id", id), Versions.fromIfMatch(ifMatch), body.ownerId(), body.ownerName()));
    }

    @PUT
    @Path("{id}/due")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "changeActionDueDate",
            summary = "Change the due date", description = "Contributors are told the new timescale (action.due-changed).")
    @APIResponse(responseCode = "200", description = "Rescheduled; new ETag",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The body or If-Match is invalid; errors name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match version: the action changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The action is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> reschedule(@Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id,
                                    @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                            maxLength = Versions.LONGEST_IF_MATCH, pattern = Versions.IF_MATCH_PATTERN)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @Valid @NotNull ActionRequests.DueChange body) {
        return changed(actions.changeDue(caller(), QueryParams.uuid("id", id), Versions.fromIfMatch(ifMatch), body.dueAt(), body.reason()));
    }

    @POST
    @Path("{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "linkFeedbackToAction", summary = "Link more feedback to the action",
            description = "Feedback received by triage joins this open action; feedback that another open action "
                    + "tracked moves over, when the caller may act on that action too.")
    @APIResponse(responseCode = "200", description = "Linked; new ETag",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The body or If-Match is invalid, or a feedback is unknown or already linked here",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match version, or a feedback is tracked by a closed "
            + "action (its contributors were told already)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The action is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> link(@Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id,
                              @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                      maxLength = Versions.LONGEST_IF_MATCH, pattern = Versions.IF_MATCH_PATTERN)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull ActionRequests.Links body) {
        return changed(actions.link(caller(), QueryParams.uuid("id", id), Versions.fromIfMatch(ifMatch), body.feedbackIds()));
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "mergeAction", summary = "Merge this duplicate into another action",
            description = "Its feedback and history move to the other action; each moved contributor is told once; "
                    + "this action ends as MERGED. If-Match is this action's ETag.")
    @APIResponse(responseCode = "200", description = "Merged; new ETag",
            content = @Content(schema = @Schema(implementation = ActionView.class)))
    @APIResponse(responseCode = "400", description = "The body or If-Match is invalid, or into is this action or no action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such action",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Stale If-Match version: the action changed since you read it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Either action is closed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> merge(@Parameter(schema = @Schema(implementation = UUID.class)) @PathParam("id") String id,
                               @Parameter(description = IF_MATCH_DESCRIPTION, schema = @Schema(type = SchemaType.STRING,
                                       maxLength = Versions.LONGEST_IF_MATCH, pattern = Versions.IF_MATCH_PATTERN)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull ActionRequests.Merge body) {
        return changed(actions.merge(caller(), QueryParams.uuid("id", id), Versions.fromIfMatch(ifMatch), body.into()));
    }

    private Uni<Response> changed(Uni<Action> change) {
        return change.map(action -> Response.ok(ActionView.of(action, clock.instant()))
                .header(HttpHeaders.ETAG, Versions.etag(action)).build());
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private String cursor(ActionPosition position) {
        return cursors.encode(position.sort().name(), position.key(), position.id());
    }
}
