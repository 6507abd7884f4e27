package org.feedbackloop.feedback.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a deployment of feedback-service may change beyond the kit's broker, outbox and signing settings; see
 * application.properties for the environment variables.
 */
@ConfigMapping(prefix = "feedbackloop.feedback")
public interface FeedbackConfig {

    Analysis analysis();

    /** Items a search reads newest first before it asks the text index for every match. */
    @WithDefault("5000")
    int searchWindow();

    Summary summary();

    Silence silence();

    Retention retention();

    Mailbox mailbox();

    Imports imports();

    /** Bulk imports: files of submissions (CSV or JSON Lines) taken in the background, a batch at a time. */
    interface Imports {
        /** Where a received file waits until its import is done; a replica that restarts resumes from here. */
        Path spoolDirectory();

        /** Rows in one file at most; a larger file is refused whole (split it). */
        @WithDefault("1000000")
        int maxRows();

        /** Rows stored in one transaction. */
        @WithDefault("500")
        int batchSize();

        /** An import whose worker has not reported for this long has stopped; posting the file again resumes it. */
        @WithDefault("60s")
        Duration staleAfter();

        /**
         * Imported items the sentence model reads and announces per second at most, when nothing said now waits: a
         * file of history flows through the loop beside live feedback instead of queueing in front of it.
         */
        @WithDefault("20")
        int announcedPerSecond();
    }

    /** The feedback mailbox, read over IMAP: each message a person wrote becomes feedback with channel EMAIL. */
    interface Mailbox {
        /** Whether this replica reads it on its schedule (one replica at a time reads it). */
        @WithDefault("false")
        boolean enabled();

        String host();

        int port();

        /** IMAP over TLS (imaps); without it, plain IMAP, for a server on this machine only. */
        @WithDefault("true")
        boolean tls();

        String username();

        /** Without one the mailbox is not read (a deployment that has no mailbox yet). */
        Optional<String> password();

        @WithDefault("INBOX")
        String folder();

        @WithDefault("10s")
        Duration pollInterval();

        /** Messages read in one round at most; the rest wait for the next. */
        @WithDefault("50")
        int batchSize();
    }

    interface Summary {
        /** How often the counts per topic of each period asked for are taken again. */
        @WithDefault("60s")
        Duration refresh();

        /** A snapshot older than this (the refresh fell behind) is taken again by the request that finds it. */
        @WithDefault("5m")
        Duration maxSnapshotAge();
    }

    interface Retention {
        /** Feedback older than this many days loses its words and contact; 0 keeps them for ever. */
        @WithDefault("0")
        int days();

        /** How often the retention round runs. */
        @WithDefault("1h")
        Duration every();
    }

    /** When topics and channels are checked for silence (insights.SilenceDetector reads these through its schedule). */
    interface Silence {
        @WithDefault("1h")
        Duration every();

        /** The first check after start. */
        @WithDefault("2m")
        Duration delay();
    }

    interface Analysis {
        /** Threads that read feedback with the sentence model; each keeps one core busy while there is work. */
        @WithDefault("1")
        int threads();

        /** Items one worker claims at a time. */
        @WithDefault("16")
        int batchSize();

        /** How long a claim lasts: items of a worker that died are taken over after this. */
        @WithDefault("15s")
        Duration lease();

        /** How often a worker looks for work when nothing wakes it. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long a woken worker lets more submissions arrive before it claims them: under load one claim and one
         * commit then serve several items instead of one each (0 claims at once).
         */
        @WithDefault("50ms")
        Duration gather();

        /** How often a worker reads the taxonomy again (an edit through this replica applies at once). */
        @WithDefault("10s")
        Duration taxonomyRefresh();
    }
}
