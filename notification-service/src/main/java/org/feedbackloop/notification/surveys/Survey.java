package org.feedbackloop.notification.surveys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A question set: a score on a scale and the main reason for it, asked by invitation. */
@Entity
@Table(name = "survey")
public class Survey {

    public static final String NPS = "NPS";
    public static final String CSAT = "CSAT";
    static final int NPS_LOWEST = 0;
    static final int NPS_HIGHEST = 10;
    static final int CSAT_LOWEST = 1;
    static final int CSAT_HIGHEST = 5;
    /** The lowest and highest score of any scale, as the text {@code @Schema(minimum, maximum)} take. */
    public static final String LOWEST_SCORE = "" + (NPS_LOWEST < CSAT_LOWEST ? NPS_LOWEST : CSAT_LOWEST);
    public static final String HIGHEST_SCORE = "" + (NPS_HIGHEST > CSAT_HIGHEST ? NPS_HIGHEST : CSAT_HIGHEST);

    @Id
    public UUID id;

    public String name;

    /** {@link #NPS} or {@link #CSAT}. */
    public String scale;

    public String question;

    public String topic;

    @Column(name = "valid_for_days")
    public int validForDays;

    /** The routing key of the events after which it is asked by itself; null when asked by invitation only. */
    public String trigger;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    int lowest() {
        return NPS.equals(scale) ? NPS_LOWEST : CSAT_LOWEST;
    }

    int highest() {
        return NPS.equals(scale) ? NPS_HIGHEST : CSAT_HIGHEST;
    }
}
