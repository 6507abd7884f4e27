package org.feedbackloop.notification.surveys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One person asked one survey; answered once at most, through the signed link the invitation sent. */
@Entity
@Table(name = "survey_invitation")
public class SurveyInvitation {

    @Id
    public UUID id;

    @Column(name = "survey_id")
    public UUID surveyId;

    public String email;

    @Column(name = "contributor_id")
    public String contributorId;

    @Column(name = "invited_at")
    public Instant invitedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public Integer score;

    public String reason;
}
