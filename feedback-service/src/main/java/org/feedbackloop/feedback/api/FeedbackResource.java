package org.feedbackloop.feedback.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.feedbackloop.feedback.domain.FeedbackService;
import org.feedbackloop.feedback.domain.Idempotency;
import org.feedbackloop.feedback.security.Caller;
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.security.Roles;
import org.feedbackloop.kit.signing.CursorCodec;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/** The feedback part of the public contract: submit feedback, read an item, list and search. */
@Path("/api/feedback")
@Tag(name = "Feedback", description = "Capture feedback from every channel and read it back")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_IDEMPOTENCY_KEY = 255;
    /** /api/feedback/ and a UUID. */
    static final int LOCATION_LENGTH = 50;
    /** Visible ASCII: a key travels in a header and is stored as it came. */
    static final String IDEMPOTENCY_KEY_PATTERN = "^[\\x21-\\x7E]{1," + MAX_IDEMPOTENCY_KEY + "}$";
    private static final Pattern SANE_KEY = Pattern.compile(IDEMPOTENCY_KEY_PATTERN);

    private final SecurityIdentity identity;
    private final FeedbackService feedback;
    private final CursorCodec cursors;
    private final ObjectMapper json;

    FeedbackResource(SecurityIdentity identity, FeedbackService feedback, CursorCodec cursors, ObjectMapper json) {
        this.identity = identity;
        this.feedback = feedback;
        this.cursors = cursors;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.INTEGRATOR})
    @Operation(operationId = "submitFeedback", summary = "Submit feedback",
            description = "Stores the feedback, derives its topic and sentiment, and announces it as feedback.received. "
                    + "Customers submit their own; integrators submit on customers' behalf (give contact.email).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmitFeedback.class),
            examples = @ExampleObject(name = "detractor", value = """
                    {"text": "I was charged twice for my March invoice and still have no refund.",
                     "channel": "WEB", "rating": {"scale": "NPS", "score": 2}}""")))
    @APIResponse(responseCode = "201", description = "Stored (or, with a reused Idempotency-Key and the same body, the earlier result)",
            content = @Content(schema = @Schema(implementation = FeedbackView.class)),
            headers = {@Header(name = HttpHeaders.LOCATION, description = "The item's address",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = LOCATION_LENGTH)),
                    @Header(name = "Idempotent-Replayed", description = "true when the answer is the earlier result of the same Idempotency-Key",
                            schema = @Schema(type = SchemaType.STRING, enumeration = "true"))})
    @APIResponse(responseCode = "400", description = "Malformed or invalid body; errors[] names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "403", description = "Only customers and integrators submit feedback", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "Body larger than 64 KiB", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Idempotency-Key already used with a different body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<Response> submit(
            @Parameter(description = "Makes retries safe: the same key and body return the first result, with no duplicate",
                    schema = @Schema(type = SchemaType.STRING, maxLength = MAX_IDEMPOTENCY_KEY, pattern = IDEMPOTENCY_KEY_PATTERN),
                    example = "order-4711-feedback")
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            @Valid @NotNull SubmitFeedback body) {
        var caller = Caller.of(identity);
        return feedback.submit(caller, body.toNewFeedback(), idempotency(idempotencyKey, body))
                .map(submission -> {
                    var view = FeedbackView.of(submission.feedback());
                    var response = Response.status(Response.Status.CREATED)
                            .header(HttpHeaders.LOCATION, "/api/feedback/" + view.id())
                            .entity(view);
                    if (submission.replayed()) {
                        response.header("Idempotent-Replayed", "true");
                    }
                    return response.build();
                });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "getFeedback", summary = "Read one feedback item",
            description = "Staff and integrators read any item; customers only their own (another's answers 404).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedbackView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such item that you may see", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<FeedbackView> get(
            @Parameter(description = "The item's id (UUID)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return feedback.find(Caller.of(identity), QueryParams.uuid("id", id)).map(FeedbackView::of);
    }

    @GET
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN, Roles.INTEGRATOR})
    @Operation(operationId = "listFeedback", summary = "List and search feedback, newest first",
            description = "Filters combine with AND. Customers see only their own items. Follow nextCursor for more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FeedbackPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Uni<FeedbackPage> list(@BeanParam ListFeedbackParams params) {
        var query = params.toQuery(cursors);
        return feedback.page(Caller.of(identity), query).map(items -> {
            var more = items.size() > query.limit();
            var page = more ? items.subList(0, query.limit()) : items;
            var next = more ? cursors.encode(CursorCodec.NEWEST, page.getLast().createdAt, page.getLast().id) : null;
            return new FeedbackPage(page.stream().map(FeedbackView::of).toList(), next);
        });
    }

    private Idempotency idempotency(String key, SubmitFeedback body) {
        if (key == null) {
            return null;
        }
        if (!SANE_KEY.matcher(key).matches()) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be 1 to " + MAX_IDEMPOTENCY_KEY + " visible ASCII characters");
        }
        return new Idempotency(key, fingerprint(body));
    }

    private String fingerprint(SubmitFeedback body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
