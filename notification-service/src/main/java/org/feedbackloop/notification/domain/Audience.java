package org.feedbackloop.notification.domain;

import org.feedbackloop.notification.security.Recipients;

/**
 * Who a notification goes to: a recipient key, and how to reach them (an inbox for people, roles and teams;
 * an address only when the person consented to be contacted).
 */
public record Audience(String recipient, String userId, String email, boolean hasInbox) {

    public static Audience contributor(Contribution contribution) {
        if (contribution.silent) {
            return null; // imported history: not to be told
        }
        if (contribution.contributorId != null) {
            return new Audience(Recipients.user(contribution.contributorId), contribution.contributorId,
                    contribution.contactEmail, true);
        }
        if (contribution.contactEmail != null) {
            return new Audience(Recipients.email(contribution.contactEmail), null, contribution.contactEmail, false);
        }
        return null; // no account and no consent: nobody to tell
    }

    public static Audience staff(String ownerId, String team) {
        return ownerId != null
                ? new Audience(Recipients.user(ownerId), ownerId, null, true)
                : new Audience(Recipients.team(team), null, null, true);
    }

    /** A member of staff by their id, reachable by e-mail too at the address the staff directory gives. */
    public static Audience staffMember(String userId, String email) {
        return new Audience(Recipients.user(userId), userId, email, true);
    }

    public static Audience managers() {
        return new Audience(Recipients.role("manager"), null, null, true);
    }
}
