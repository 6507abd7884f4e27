package org.feedbackloop.action.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.feedbackloop.action.domain.Action;
import org.feedbackloop.action.domain.Actor;
import org.feedbackloop.kit.security.Roles;
import org.feedbackloop.kit.security.Teams;

import java.util.Set;

/**
 * Who is calling, as the verified token says: managers and admins act on every action, owners on their
 * teams' actions (groups {@code /teams/<team>}), integrators only read.
 */
public record Caller(String subject, String username, Set<String> teams, boolean everyTeam, boolean readOnly) {

    public static Caller of(SecurityIdentity identity) {
        var token = (JsonWebToken) identity.getPrincipal();
        var teams = Set.copyOf(Teams.of(token));
        boolean everyTeam = identity.hasRole(Roles.MANAGER) || identity.hasRole(Roles.ADMIN);
        boolean readOnly = !everyTeam && !identity.hasRole(Roles.OWNER);
        var username = token.<String>getClaim("preferred_username");
        return new Caller(token.getSubject(), username, teams, everyTeam, readOnly);
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
