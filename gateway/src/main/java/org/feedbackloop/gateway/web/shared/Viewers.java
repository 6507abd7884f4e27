package org.feedbackloop.gateway.web.shared;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The current {@link Viewer} without blocking, whether or not authentication is proactive: public pages show
 * who is signed in, protected ones have been checked by {@code @RolesAllowed} already.
 */
@ApplicationScoped
public class Viewers {

    private final CurrentIdentityAssociation identities;

    Viewers(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    public Uni<Viewer> current() {
        return identities.getDeferredIdentity().map(Viewer::of)
                .onFailure().recoverWithItem(Viewer.ANONYMOUS);
    }
}
