package org.feedbackloop.action.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/**
 * What a deployment of action-service may change beyond the kit's broker, outbox and signing settings; see
 * application.properties for the environment variables.
 */
@ConfigMapping(prefix = "feedbackloop.actions")
public interface ActionConfig {

    Triage triage();

    Deadlines deadlines();

    interface Triage {
        /** The team that receives feedback whose topic has no routing rule. */
        String defaultTeam();

        /**
         * The mean cosine similarity, in the problem space, from which new feedback joins the nearest open action of
         * its team (see {@code Grouping}: calibrated by bench/understanding).
         */
        double similarityThreshold();

        Sla sla();

        /** How soon a detractor (NPS ≤ 6, CSAT ≤ 2) must hear something substantive. */
        Duration detractorInformWithin();

        /** How soon every other contributor must hear something substantive. */
        Duration informWithin();
    }

    /** Time to fix by priority. */
    interface Sla {
        Duration p1();

        Duration p2();

        Duration p3();

        Duration p4();
    }

    interface Deadlines {
        /** How often the scheduler looks for deadlines; each replica runs it, the database shares the work. */
        Duration scanInterval();

        /** Reminder to the owner this long before {@code dueAt}. */
        Duration fixReminderBefore();

        /** Reminder to the owner this long before {@code informBy}. */
        Duration informReminderBefore();

        /** Managers are told when a deadline is missed by more than this. */
        Duration escalateAfter();

        /** Managers are told when this many pieces of feedback are linked to one action. */
        int repeatsThreshold();

        int batchSize();
    }
}
