package org.feedbackloop.gateway.web.shared;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.feedbackloop.kit.security.Teams;

import java.util.List;
import java.util.Set;

/**
 * The person in front of the page, as their session says: name, realm roles, teams (groups {@code /teams/<team>}),
 * and the access token the pages forward to the services. {@link #ANONYMOUS} when nobody is signed in.
 */
public record Viewer(String subject, String username, String displayName, Set<String> roles, List<String> teams,
                     String accessToken, String sessionId) {

    public static final String CUSTOMER = "customer";
    public static final String OWNER = "owner";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    public static final Viewer ANONYMOUS = new Viewer(null, null, null, Set.of(), List.of(), null, null);

    public static Viewer of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return ANONYMOUS;
        }
        var access = identity.getCredential(AccessTokenCredential.class);
        String username = claim(idToken, "preferred_username");
        String name = claim(idToken, "given_name");
        var teams = Teams.of(idToken).stream().sorted().toList();
        return new Viewer(idToken.getSubject(), username != null ? username : idToken.getSubject(),
                name != null ? name : username, Set.copyOf(identity.getRoles()), teams,
                access == null ? null : access.getToken(), claim(idToken, "sid"));
    }

    public boolean signedIn() {
        return subject != null;
    }

    public boolean isCustomer() {
        return roles.contains(CUSTOMER);
    }

    /** Owners, managers and admins work the action queue. */
    public boolean isStaff() {
        return roles.contains(OWNER) || isManager();
    }

    public boolean isManager() {
        return roles.contains(MANAGER) || roles.contains(ADMIN);
    }

    /** Where this person starts after signing in. */
    public String home() {
        if (isCustomer()) {
            return "/portal";
        }
        if (isStaff()) {
            return "/console";
        }
        return "/board";
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value == null ? null : value.toString();
    }
}
