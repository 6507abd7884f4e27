package org.feedbackloop.notification.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Who is calling, as the verified token says, and which inbox addresses are theirs: their own, their roles'
 * ({@code role:manager}) and their teams' ({@code team:billing}).
 */
public record Caller(String subject, String username, String email, Set<String> roles, List<String> teams) {

    private static final String TEAM_GROUP_PREFIX = "/teams/";

    public static Caller of(SecurityIdentity identity) {
        var token = (JsonWebToken) identity.getPrincipal();
        var teams = groups(token).stream()
                .filter(group -> group.startsWith(TEAM_GROUP_PREFIX))
                .map(group -> group.substring(TEAM_GROUP_PREFIX.length()))
                .toList();
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

    private static Collection<String> groups(JsonWebToken token) {
        Object claim = token.getClaim("groups");
        if (claim instanceof JsonArray array) {
            return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
        if (claim instanceof Collection<?> collection) {
            return collection.stream().map(value -> value instanceof JsonString json ? json.getString() : value.toString())
                    .toList();
        }
        return Set.of();
    }
}
