package org.feedbackloop.feedback.privacy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.feedback.api.FeedbackView;
import org.feedbackloop.feedback.domain.CustomerAddresses;
import org.feedbackloop.feedback.domain.FeedbackRepository;
import org.feedbackloop.feedback.security.Caller;
import org.feedbackloop.kit.security.Roles;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** A customer's data in their own hands: what is held about them here, and its erasure. */
@Path("/api/me")
@Tag(name = "My data")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CUSTOMER)
public class MyDataResource {

    private final SecurityIdentity identity;
    private final FeedbackRepository feedback;
    private final Erasure erasure;

    MyDataResource(SecurityIdentity identity, FeedbackRepository feedback, Erasure erasure) {
        this.identity = identity;
        this.feedback = feedback;
        this.erasure = erasure;
    }

    @GET
    @Path("/export")
    @Operation(operationId = "exportMyFeedbackData", summary = "Everything feedback-service holds about me",
            description = "My feedback with all that is stored about each item, and the addresses known as mine. "
                    + "The gateway's GET /api/me/export puts this together with the other services' parts.")
    public Uni<MyFeedbackData> export() {
        var caller = Caller.of(identity);
        return Panache.withSession(() -> feedback.find("contributorId = ?1 order by createdAt desc, id desc",
                        caller.subject()).page(0, MyFeedbackData.MAX_ITEMS + 1).list()
                .flatMap(items -> Panache.getSession().flatMap(session -> session
                                .createNativeQuery("select email from customer_address where contributor_id = :subject "
                                        + "order by seen_at desc limit " + CustomerAddresses.MAX_PER_CUSTOMER, String.class)
                                .setParameter("subject", caller.subject()).getResultList())
                        .map(verified -> {
                            var truncated = items.size() > MyFeedbackData.MAX_ITEMS;
                            var kept = truncated ? items.subList(0, MyFeedbackData.MAX_ITEMS) : items;
                            var addresses = new TreeSet<>(verified);
                            kept.stream().map(item -> item.contactEmail).filter(Objects::nonNull)
                                    .map(Erasure::normal).forEach(addresses::add);
                            return new MyFeedbackData(caller.subject(), List.copyOf(addresses),
                                    kept.stream().map(FeedbackView::of).toList(), truncated,
                                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
                        })));
    }

    @DELETE
    @Path("/data")
    @Operation(operationId = "eraseMyData", summary = "Erase my data",
            description = "My feedback keeps only what counts need (topic, channel, rating, sentiment, dates): its words, "
                    + "contact and references go, and so do my addresses. Announced as feedback.erased, on which "
                    + "action-service and notification-service erase their part (links anonymised, messages and "
                    + "preferences gone, an unsubscribed address kept only as a hash). Answers 202: the other services "
                    + "follow within seconds. Erasing again is harmless.")
    @APIResponse(responseCode = "202", description = "Erased here; the others follow",
            content = @Content(schema = @Schema(implementation = ErasureReceipt.class)))
    public Uni<Response> erase() {
        return erasure.erase(Caller.of(identity)).map(receipt -> Response.accepted(receipt).build());
    }
}
