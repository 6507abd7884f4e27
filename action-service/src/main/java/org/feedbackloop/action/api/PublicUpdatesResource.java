package org.feedbackloop.action.api;

import org.feedbackloop.kit.openapi.Counts;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.action.board.BoardFilter;
import org.feedbackloop.action.board.BoardPosition;
import org.feedbackloop.action.board.PublicBoard;
import org.feedbackloop.action.config.ActionConfig;
import org.feedbackloop.action.similarity.Neighbours;
import org.feedbackloop.action.similarity.OpenActionIndex;
import org.feedbackloop.events.ProblemVector;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.security.Roles;
import org.feedbackloop.kit.signing.CursorCodec;

import java.util.List;
import java.util.UUID;

/** The public "you said, we did" board (no login) and the customers' "me too". */
@Path("/api/public/updates")
@Tag(name = "Public board", description = "What changed because customers spoke; no identities, no feedback text")
@Produces(MediaType.APPLICATION_JSON)
public class PublicUpdatesResource {

    /** Anyone may cache the board briefly: it is the same for everybody. */
    static final String CACHE_CONTROL = "public, max-age=30";
    private static final String BOARD_ORDER = "BOARD_";
    private static final String ACTION_ID = "The action's id (UUID)";
    /** The most open actions one search for a draft's problem finds. */
    private static final int MAX_SIMILAR = 5;

    private final SecurityIdentity identity;
    private final PublicBoard board;
    private final CursorCodec cursors;
    private final Neighbours neighbours;
    private final double threshold;

    PublicUpdatesResource(SecurityIdentity identity, PublicBoard board, CursorCodec cursors, Neighbours neighbours,
                          ActionConfig config) {
        this.identity = identity;
        this.board = board;
        this.cursors = cursors;
        this.neighbours = neighbours;
        this.threshold = config.triage().similarityThreshold();
    }

    /** What a draft of feedback is about, to find the open actions of the board it would join. */
    @Schema(name = "SimilarToDraft")
    public record SimilarTo(
            @Schema(description = "The draft's problem vector, as POST /api/feedback/analysis gives it") @NotNull ProblemVector problem,
            @Schema(description = "At most this many (1–" + MAX_SIMILAR + ", default 3)")
            @Min(1) @Max(MAX_SIMILAR) Integer limit) {
    }

    /** One page of the board with its cursor. */
    @Schema(name = "PublicUpdatePage")
    public record PublicUpdatePage(@Schema(maxItems = QueryParams.MAX_LIMIT) List<PublicUpdateView> items,
                                   @Schema(description = "Pass as cursor for the next page; null on the last", nullable = true,
                                           maxLength = CursorCodec.MAX_LENGTH, pattern = CursorCodec.PATTERN)
                                   String nextCursor) {
    }

    /** What a "me too" answers, the first time and every time after. */
    @Schema(name = "MeToo")
    public record MeTooView(UUID actionId,
                            @Schema(description = "Customers who said \"me too\", you included",
                                    minimum = Counts.MIN, maximum = Counts.INT_MAX) int meTooCount,
                            @Schema(description = "Different people behind the action, you included",
                                    minimum = Counts.MIN, maximum = Counts.INT_MAX) int contributorCount) {
    }

    @GET
    @PermitAll
    @Operation(operationId = "listPublicUpdates",
            summary = "The public board", description = "status=done (default): completed actions, newest "
            + "completion first, with the note of their completion. status=open: open actions that told the public "
            + "something, with their latest public note. Counts, never identities. Follow nextCursor for more.")
    @APIResponse(responseCode = "200", description = "Cache-Control: public, max-age=30",
            content = @Content(schema = @Schema(implementation = PublicUpdatePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid status, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> list(@BeanParam ListPublicUpdatesParams params) {
        var query = params.toQuery(cursors);
        return board.page(query.filter(), query.after(), query.limit()).map(found -> {
            var more = found.size() > query.limit();
            var page = more ? found.subList(0, query.limit()) : found;
            var next = more ? cursor(BoardPosition.after(page.getLast(), query.filter())) : null;
            return cacheable(new PublicUpdatePage(page.stream().map(PublicUpdateView::of).toList(), next));
        });
    }

    @GET
    @Path("{actionId}")
    @PermitAll
    @Operation(operationId = "getPublicUpdate", summary = "One item of the public board",
            description = "A completed action or an announced open one, as the board lists it: its name for customers, "
                    + "its latest public note and its counts, never identities.")
    @APIResponse(responseCode = "200", description = "Cache-Control: public, max-age=30",
            content = @Content(schema = @Schema(implementation = PublicUpdateView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such action on the board (never announced, merged or declined)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> get(@Parameter(description = ACTION_ID, schema = @Schema(implementation = UUID.class))
                             @PathParam("actionId") String actionId) {
        return board.find(QueryParams.uuid("id", actionId)).map(update -> cacheable(PublicUpdateView.of(update)));
    }

    @POST
    @Path("similar")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "findSimilarPublicUpdates", summary = "Open actions of the board about the same problem",
            description = "\"Others said something like this\": the open actions on the board that feedback with this problem "
                    + "vector would join (the same rule as triage), nearest first, so that a customer can say \"me too\" instead "
                    + "of writing it again.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PublicUpdateView.class,
            type = SchemaType.ARRAY, maxItems = MAX_SIMILAR)))
    @APIResponse(responseCode = "400", description = "No problem vector, or one of another space or length",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<List<PublicUpdateView>> similar(@Valid @NotNull SimilarTo body) {
        if (!body.problem().isCurrent()) {
            throw ProblemException.invalid("problem", "must be a vector of space " + ProblemVector.SPACE + " with "
                    + ProblemVector.DIMENSIONS + " finite numbers");
        }
        return neighbours.onBoard(body.problem().vector(), threshold, body.limit() == null ? 3 : body.limit())
                .flatMap(nearest -> board.visible(nearest.stream().map(OpenActionIndex.Candidate::actionId).toList()))
                .map(found -> found.stream().filter(update -> update.action().status.isOpen()).map(PublicUpdateView::of).toList());
    }

    @POST
    @Path("{actionId}/me-too")
    @RolesAllowed(Roles.CUSTOMER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "addMeToo",
            summary = "\"This matters to me too\"", description = "Adds your voice to an open action of the board: "
            + "you become one of its contributors and are told what happens, like everyone who gave feedback on it. "
            + "Once per action; saying it again changes nothing and answers 200.")
    @APIResponse(responseCode = "201", description = "Your voice was added", content = @Content(schema = @Schema(implementation = MeTooView.class)))
    @APIResponse(responseCode = "200", description = "You had said it before; nothing changed",
            content = @Content(schema = @Schema(implementation = MeTooView.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only customers say \"me too\"", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such open action on the board", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The action is closed (DONE, DECLINED or MERGED)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> meToo(@Parameter(description = ACTION_ID, schema = @Schema(implementation = UUID.class))
                               @PathParam("actionId") String actionId) {
        var id = QueryParams.uuid("id", actionId);
        var token = (JsonWebToken) identity.getPrincipal();
        return board.meToo(id, token.getSubject(), token.getClaim("email")).map(vote -> Response
                .status(vote.added() ? Response.Status.CREATED : Response.Status.OK)
                .entity(new MeTooView(id, vote.update().meTooCount(), vote.update().contributorCount()))
                .build());
    }

    private static Response cacheable(Object entity) {
        return Response.ok(entity).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    /** Board cursors name their filter, so that neither a queue cursor nor one of another filter is taken. */
    private String cursor(BoardPosition position) {
        return cursors.encode(BOARD_ORDER + position.filter().name(), position.key(), position.id());
    }

    static BoardPosition boardPosition(CursorCodec.Position position) {
        if (!position.order().startsWith(BOARD_ORDER)) {
            throw new IllegalArgumentException(position.order());
        }
        return new BoardPosition(BoardFilter.valueOf(position.order().substring(BOARD_ORDER.length())), position.key(),
                position.id());
    }
}
