package org.feedbackloop.notification.webhooks;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.feedbackloop.kit.http.QueryParams;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;
import org.feedbackloop.kit.signing.CursorCodec;
import org.feedbackloop.notification.api.PageSize;
import org.feedbackloop.kit.signing.Signer;
import org.feedbackloop.notification.security.Caller;

import java.util.List;
import java.util.function.Function;


/**
 * Integrators' webhooks: subscriptions to event types, and the log of what was delivered. Each integrator sees
 * and deletes only its own subscriptions.
 */
@Path("/api/webhooks")
@Tag(name = "Webhooks", description = "Events POSTed to your URL as signed CloudEvents (Standard Webhooks headers)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INTEGRATOR)
public class WebhookResource {

    private final SecurityIdentity identity;
    private final Subscriptions subscriptions;
    private final CursorCodec cursors;

    WebhookResource(SecurityIdentity identity, Subscriptions subscriptions, CursorCodec cursors) {
        this.identity = identity;
        this.subscriptions = subscriptions;
        this.cursors = cursors;
    }

    @Schema(name = "WebhookPage")
    public record WebhookPage(@Schema(maxItems = QueryParams.MAX_LIMIT) List<WebhookView> items,
                              @Schema(description = "Pass as cursor for the next page; null on the last", nullable = true,
                                      maxLength = CursorCodec.MAX_LENGTH, pattern = Signer.PATTERN)
                              String nextCursor) {
    }

    @Schema(name = "WebhookDeliveryPage")
    public record DeliveryPage(@Schema(maxItems = QueryParams.MAX_LIMIT) List<DeliveryView> items,
                               @Schema(description = "Pass as cursor for the next page; null on the last", nullable = true,
                                       maxLength = CursorCodec.MAX_LENGTH, pattern = Signer.PATTERN)
                               String nextCursor) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to event types",
            description = "Each matching event is POSTed to the URL as a structured CloudEvent "
                    + "(application/cloudevents+json) with the headers webhook-id (stable across retries: de-duplicate "
                    + "by it), webhook-timestamp (unix seconds) and webhook-signature (v1,<base64 HMAC-SHA256 of "
                    + "\"<webhook-id>.<webhook-timestamp>.<body>\"> keyed with the secret). A 2xx answer within the "
                    + "timeout is a delivery; anything else is retried with exponential back-off. Redirects are not "
                    + "followed. The URL must be http or https without credentials, and its host must resolve to "
                    + "public addresses only. The secret is in this answer only.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "status changes",
            value = "{\"url\": \"https://hooks.example.com/feedbackloop\", \"eventTypes\": [\"action.status-changed\"], "
                    + "\"description\": \"CRM sync\"}")))
    @APIResponse(responseCode = "201", description = "Subscribed; Location set; the secret is shown this once",
            content = @Content(schema = @Schema(implementation = WebhookView.class)),
            headers = @Header(name = HttpHeaders.LOCATION, description = "The subscription's address", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 100)))
    @APIResponse(responseCode = "400", description = "Invalid body, unknown event type, or a URL that is refused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Too many webhooks already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> subscribe(@Valid @NotNull NewWebhook body) {
        return subscriptions.subscribe(owner(), body).map(subscription -> Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/webhooks/" + subscription.id)
                .entity(WebhookView.withSecret(subscription)).build());
    }

    @GET
    @Operation(operationId = "listWebhooks",
            summary = "Your webhooks, newest first", description = "Follow nextCursor for more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookPage> list(@Parameter(description = PageSize.DESCRIPTION, schema = @Schema(type = SchemaType.INTEGER,
                                         format = "int32", minimum = PageSize.MIN, maximum = PageSize.MAX,
                                         defaultValue = PageSize.DEFAULT))
                                 @QueryParam("limit") String limit,
                                 @Parameter(description = "nextCursor of the previous page", schema = @Schema(
                                         type = SchemaType.STRING, maxLength = CursorCodec.MAX_LENGTH,
                                         pattern = Signer.PATTERN))
                                 @QueryParam("cursor") String cursor) {
        int size = QueryParams.limitOf(limit);
        var after = cursor == null ? null : cursors.decode(cursor);
        return subscriptions.page(owner(), after, size).map(found -> {
            var page = page(found, size, s -> CursorCodec.Position.newest(s.createdAt, s.id));
            return new WebhookPage(page.items().stream().map(WebhookView::of).toList(), page.nextCursor());
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One of your webhooks", description = "Without its secret.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "You have no such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<WebhookView> get(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                @PathParam("id") String id) {
        return subscriptions.get(owner(), QueryParams.uuid("id", id)).map(WebhookView::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook",
            summary = "Delete a webhook", description = "Deliveries stop at once: those still waiting become DEAD. "
            + "The delivery log is kept.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "You have no such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Void> delete(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                            @PathParam("id") String id) {
        return subscriptions.unsubscribe(owner(), QueryParams.uuid("id", id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's delivery log, newest first",
            description = "Per event: status (PENDING, SENT, FAILED and retried, DEAD), attempts, the last HTTP status "
                    + "and error, and when the next attempt is due. Follow nextCursor for more.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid id, limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "You have no such webhook",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<DeliveryPage> deliveries(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                        @PathParam("id") String id,
                                        @Parameter(description = PageSize.DESCRIPTION, schema = @Schema(
                                                type = SchemaType.INTEGER, format = "int32", minimum = PageSize.MIN,
                                                maximum = PageSize.MAX, defaultValue = PageSize.DEFAULT))
                                        @QueryParam("limit") String limit,
                                        @Parameter(description = "nextCursor of the previous page", schema = @Schema(
                                                type = SchemaType.STRING, maxLength = CursorCodec.MAX_LENGTH,
                                                pattern = Signer.PATTERN))
                                        @QueryParam("cursor") String cursor) {
        var subscriptionId = QueryParams.uuid("id", id);
        int size = QueryParams.limitOf(limit);
        var after = cursor == null ? null : cursors.decode(cursor);
        return subscriptions.deliveries(owner(), subscriptionId, after, size).map(found -> {
            var page = page(found, size, d -> CursorCodec.Position.newest(d.createdAt, d.id));
            return new DeliveryPage(page.items().stream().map(DeliveryView::of).toList(), page.nextCursor());
        });
    }

    private String owner() {
        return Caller.of(identity).subject();
    }

    private record Page<T>(List<T> items, String nextCursor) {
    }

    /** {@code found} holds up to {@code size + 1} rows: the extra one only says there is a next page. */
    private <T> Page<T> page(List<T> found, int size, Function<T, CursorCodec.Position> position) {
        if (found.size() <= size) {
            return new Page<>(found, null);
        }
        var items = found.subList(0, size);
        return new Page<>(items, cursors.encode(position.apply(items.getLast())));
    }


}
