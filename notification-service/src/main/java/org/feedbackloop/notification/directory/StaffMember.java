package org.feedbackloop.notification.directory;

import java.util.List;

/**
 * A manager or an owner as the staff directory knows them.
 *
 * @param userId  their Keycloak user id: the {@code sub} of their tokens, as staff notifications name them
 * @param email   where they read e-mail; null when the directory has no address for them
 * @param manager whether they manage (they read about every team)
 * @param teams   the teams they own ({@code /teams/<team>} groups); empty for a manager who owns none
 */
public record StaffMember(String userId, String username, String email, boolean manager, List<String> teams) {
}
