package org.feedbackloop.notification.preferences;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.feedbackloop.kit.problem.Problem;
import org.feedbackloop.kit.security.Roles;
import org.feedbackloop.notification.domain.Preference;
import org.feedbackloop.notification.domain.Repositories;
import org.feedbackloop.notification.security.Caller;

import java.time.Clock;

/**
 * How a person wants to hear back: channels and rhythm, and (staff) whether they want the weekly stories. Consent to
 * e-mail comes with each piece of feedback.
 */
@Path("/api/me/preferences")
@Tag(name = "Preferences", description = "Channels and rhythm of your notifications")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private final SecurityIdentity identity;
    private final Repositories.Preferences preferences;
    private final Clock clock;

    PreferencesResource(SecurityIdentity identity, Repositories.Preferences preferences, Clock clock) {
        this.identity = identity;
        this.preferences = preferences;
        this.clock = clock;
    }

    @Schema(name = "Preferences")
    public record Preferences(
            @Schema(description = "E-mail (only ever to feedback you agreed to be contacted about)", examples = "true")
            @NotNull Boolean email,
            @Schema(description = "In-app inbox and live stream", examples = "true") @NotNull Boolean inApp,
            @Schema(description = "IMMEDIATE, or DAILY for one e-mail a day") @NotNull Preference.Digest digest,
            @Schema(description = "The weekly stories digest, for managers and owners: the week's most negative and most "
                    + "positive words, the action most customers said \"me too\" to, the actions done and the kudos "
                    + "passed, every Monday by e-mail and in the inbox. Optional when changing the preferences: absent "
                    + "keeps it as it is", examples = "true") Boolean stories) {

        static Preferences of(Preference preference) {
            return new Preferences(preference.emailEnabled, preference.inAppEnabled, preference.digest,
                    preference.storiesEnabled);
        }
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "getPreferences",
            summary = "My preferences", description = "Defaults: e-mail and in-app, immediately; the weekly stories "
            + "on.")
    public Uni<Preferences> get() {
        return preferences.of(Caller.of(identity).subject()).map(Preferences::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CUSTOMER, Roles.OWNER, Roles.MANAGER, Roles.ADMIN})
    @Operation(operationId = "savePreferences",
            summary = "Change my preferences", description = "Applies to notifications created from now on.")
    @APIResponse(responseCode = "200", description = "The preferences as saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = Preferences.class)))
    @APIResponse(responseCode = "400", description = "No body, a body that is not a JSON object, or an invalid field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Preferences> put(@Valid @NotNull Preferences body) {
        var userId = Caller.of(identity).subject();
        return Panache.withTransaction(() -> preferences.findById(userId).flatMap(found -> {
            var preference = found != null ? found : Preference.defaults(userId);
            preference.emailEnabled = body.email();
            preference.inAppEnabled = body.inApp();
            preference.digest = body.digest();
            if (body.stories() != null) {
                preference.storiesEnabled = body.stories();
            }
            preference.updatedAt = clock.instant();
            return preferences.persist(preference);
        })).map(Preferences::of);
    }
}
