package org.feedbackloop.kit.security;

import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.List;

/** The teams a token's bearer belongs to: its {@code groups} claim's {@code /teams/<name>} groups. */
public final class Teams {

    private static final String TEAM_GROUP_PREFIX = "/teams/";

    private Teams() {
    }

    public static List<String> of(JsonWebToken token) {
        return groups(token).stream()
                .filter(group -> group.startsWith(TEAM_GROUP_PREFIX))
                .map(group -> group.substring(TEAM_GROUP_PREFIX.length()))
                .toList();
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
        return List.of();
    }
}
