package org.feedbackloop.action.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.Actor;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the verified token says: managers and admins act on every action, owners on their
 * teams' actions (groups {@code /teams/<team>}), integrators only read.
 */
public record Caller(String subject, String username, Set<String> teams, boolean everyTeam, boolean readOnly) {

    private static final String TEAM_GROUP_PREFIX = "/teams/";

    public static Caller of(SecurityIdentity identity) {
        var token = (JsonWebToken) identity.getPrincipal();
        var teams = groups(token).stream()
                .filter(group -> group.startsWith(TEAM_GROUP_PREFIX))
                .map(group -> group.substring(TEAM_GROUP_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        boolean everyTeam = identity.hasRole(Roles.MANAGER) || identity.hasRole(Roles.ADMIN);
        boolean readOnly = !everyTeam && !identity.hasRole(Roles.OWNER);
        var username = token.<String>getClaim("preferred_username");
        return new Caller(token.getSubject(), username, teams, everyTeam, readOnly);
    }

    /** The {@code groups} claim as plain strings, whichever JSON type the token library hands out. */
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

    public boolean mayActOn(Action action) {
        return mayActForTeam(action.team);
    }

    public boolean mayActForTeam(String team) {
        return !readOnly && (everyTeam || teams.contains(team));
    }

    public Actor actor() {
        return new Actor(subject, username);
    }
}
