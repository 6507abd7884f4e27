package org.feedbackloop.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A contributor's feedback, as feedback.received announced it, and the action that tracks it now. */
@Entity
@Table(name = "contribution")
public class Contribution {

    @Id
    @Column(name = "feedback_id")
    public UUID feedbackId;

    @Column(name = "contributor_id")
    public String contributorId;

    /** Present only when the contributor consented to contact. */
    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "consent_to_contact")
    public boolean consentToContact;

    public String text;

    public String topic;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "action_id")
    public UUID actionId;

    @Column(name = "linked_at")
    public Instant linkedAt;

    /** Set when this is an answer to "did this solve it?": the person is not thanked or told "tracked" again. */
    @Column(name = "follow_up_of_action")
    public UUID followUpOfAction;

    /** Imported history that its contributor is not told about. */
    public boolean silent;

    /** Where it came in (WEB, EMAIL, SURVEY, SOCIAL, PHONE, IN_APP, API); null for rows older than the column. */
    public String channel;

    /** Where its rating puts the contributor; null for rows older than the column. */
    @Enumerated(EnumType.STRING)
    public Segment segment;

    /** The sentiment of the words in [-1, 1], as the analysis last read them; null for rows older than the column. */
    public Double sentiment;

    /** Set when this is a customer's "me too" on the public board: the action it joined (its words are generated). */
    @Column(name = "joins_action")
    public UUID joinsAction;

    /** Set when triage passed it to a team as kudos instead of opening an action: that team, and when. */
    @Column(name = "kudos_team")
    public String kudosTeam;

    @Column(name = "kudos_at")
    public Instant kudosAt;
}
