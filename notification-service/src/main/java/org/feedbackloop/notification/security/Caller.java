package org.feedbackloop.notification.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.feedbackloop.kit.security.Teams;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, as the verified token says, and which inbox addresses are theirs: their own, their roles'
 * ({@code role:manager}) and their teams' ({@code team:billing}).
 */
public record Caller(String subject, String username, String email, Set<String> roles, List<String> teams) {

    public static Caller of(SecurityIdentity identity) {
        var token = (JsonWebToken) identity.getPrincipal();
        var teams = Teams.of(token);
        return new Caller(token.getSubject(), token.getClaim("preferred_username"), token.getClaim("email"),
                Set.copyOf(identity.getRoles()), teams);
    }

    /** Every recipient key whose in-app notifications this caller reads. */
    public List<String> inboxes() {
        var inboxes = new ArrayList<String>();
        inboxes.add(Recipients.user(subject));
        roles.stream().sorted().map(Recipients::role).forEach(inboxes::add);
        teams.stream().sorted().map(Recipients::team).forEach(inboxes::add);
        return inboxes;
    }
}
