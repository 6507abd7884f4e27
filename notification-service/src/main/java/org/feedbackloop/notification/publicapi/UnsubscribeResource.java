package org.feedbackloop.notification.publicapi;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.signing.Signer;
import org.feedbackloop.notification.domain.EmailSuppression;
import org.feedbackloop.notification.domain.Repositories;
import org.feedbackloop.notification.email.LinkTokens;

import java.time.Clock;
import java.util.Locale;

/**
 * The unsubscribe link of every e-mail: it needs no login, only the signed token in the link. GET is what a
 * person's click does; POST is the one-click unsubscribe of mail clients (RFC 8058). Idempotent.
 */
@Path("/api/public/unsubscribe")
@Tag(name = "Public", description = "Links from e-mails that work without a login")
public class UnsubscribeResource {

    /** The whole answer of the one-click unsubscribe. */
    static final String UNSUBSCRIBED = "unsubscribed";
    /** The whole answer of the link. */
    static final String UNSUBSCRIBED_PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribed</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 3em auto;">
            <h1>You are unsubscribed</h1><p>We will not send e-mail to this address any more.
            Your notifications stay in your inbox when you sign in.</p></body></html>""";

    private final LinkTokens tokens;
    private final Repositories.Suppressions suppressions;
    private final Clock clock;

    UnsubscribeResource(LinkTokens tokens, Repositories.Suppressions suppressions, Clock clock) {
        this.tokens = tokens;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "unsubscribeFromLink", summary = "Unsubscribe an address (the link in e-mails)",
            description = "Stops all e-mail to the address the signed token names and answers with a confirmation page; "
                    + "clicking again changes nothing.")
    @APIResponse(responseCode = "200", description = "Unsubscribed: a short confirmation page",
            content = @Content(mediaType = MediaType.TEXT_HTML,
                    schema = @Schema(type = SchemaType.STRING, enumeration = UNSUBSCRIBED_PAGE)))
    @APIResponse(responseCode = "400", description = "Not a token from one of our e-mails",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<String> click(@Parameter(description = "The signed token of the e-mail's link",
                                     schema = @Schema(type = SchemaType.STRING, maxLength = LinkTokens.MAX_LENGTH,
                                             pattern = Signer.PATTERN))
                             @QueryParam("token") String token) {
        return unsubscribe(token).map(email -> UNSUBSCRIBED_PAGE);
    }

    @POST
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(operationId = "unsubscribe", summary = "One-click unsubscribe (RFC 8058, for mail clients)",
            description = "What a mail client's unsubscribe button posts (List-Unsubscribe-Post): stops all e-mail to "
                    + "the address the signed token names; idempotent.")
    @APIResponse(responseCode = "200", description = "Unsubscribed", content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING, enumeration = UNSUBSCRIBED)))
    @APIResponse(responseCode = "400", description = "Not a token from one of our e-mails",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<String> oneClick(@Parameter(description = "The signed token of the e-mail's link",
                                        schema = @Schema(type = SchemaType.STRING, maxLength = LinkTokens.MAX_LENGTH,
                                                pattern = Signer.PATTERN))
                                @QueryParam("token") String token) {
        return unsubscribe(token).map(email -> UNSUBSCRIBED);
    }

    private Uni<String> unsubscribe(String token) {
        var email = tokens.verify("unsubscribe", token)
                .filter(values -> values.size() == 1)
                .map(values -> values.getFirst().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ProblemException.invalid("token", "is not an unsubscribe link from one of our e-mails"));
        // an address already suppressed stays as it is kept: as the address, or as its hash after an erasure
        return Panache.withTransaction(() -> suppressions.reasonFor(email).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(email);
            }
            var suppression = new EmailSuppression();
            suppression.email = email;
            suppression.createdAt = clock.instant();
            suppression.reason = EmailSuppression.UNSUBSCRIBED;
            return suppressions.persist(suppression).replaceWith(email);
        }));
    }
}
