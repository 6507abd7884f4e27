package org.feedbackloop.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person's choices of channel and rhythm; without a row, the defaults apply. */
@Entity
@Table(name = "preference")
public class Preference {

    public enum Digest { IMMEDIATE, DAILY }

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "email_enabled")
    public boolean emailEnabled = true;

    @Column(name = "in_app_enabled")
    public boolean inAppEnabled = true;

    @Enumerated(EnumType.STRING)
    public Digest digest = Digest.IMMEDIATE;

    /** The weekly stories digest (managers and owners): by e-mail and in the inbox, unless switched off. */
    @Column(name = "stories_enabled")
    public boolean storiesEnabled = true;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Preference defaults(String userId) {
        var preference = new Preference();
        preference.userId = userId;
        return preference;
    }
}
