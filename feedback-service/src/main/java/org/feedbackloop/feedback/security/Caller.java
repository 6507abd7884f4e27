package org.feedbackloop.feedback.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.feedbackloop.kit.security.Roles;

/**
 * Who is calling, as the verified token says.
 *
 * @param subject the token's {@code sub}: a user's or a service account's stable id
 * @param email         the user's e-mail address, if the token carries one
 * @param emailVerified whether the identity provider verified that the user holds that address
 * @param role          what the caller may see and do here
 */
public record Caller(String subject, String email, boolean emailVerified, Role role) {

    /** The feedback mailbox: it submits what people wrote to the feedback address. */
    public static final Caller MAILBOX = new Caller("mailbox", null, false, Role.INTEGRATOR);

    public enum Role {
        /** Sees only their own feedback. */
        CUSTOMER,
        /** Owners, managers and admins: see all feedback. */
        STAFF,
        /** Machine client: submits on customers' behalf and reads all feedback. */
        INTEGRATOR
    }

    public static Caller of(SecurityIdentity identity) {
        var token = (JsonWebToken) identity.getPrincipal();
        Role role;
        if (identity.hasRole(Roles.OWNER) || identity.hasRole(Roles.MANAGER) || identity.hasRole(Roles.ADMIN)) {
            role = Role.STAFF;
        } else if (identity.hasRole(Roles.INTEGRATOR)) {
            role = Role.INTEGRATOR;
        } else {
            role = Role.CUSTOMER;
        }
        return new Caller(token.getSubject(), token.getClaim("email"),
                Boolean.TRUE.equals(token.getClaim("email_verified")), role);
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }
}
