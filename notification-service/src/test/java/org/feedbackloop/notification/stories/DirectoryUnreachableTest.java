package org.feedbackloop.notification.stories;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keycloak away: the check records nothing (the next one tries again) and fails no one. */
@QuarkusTest
@TestProfile(DirectoryUnreachableTest.NothingListens.class)
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class DirectoryUnreachableTest {

    /** The directory at a port of this machine nothing listens on. */
    public static class NothingListens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("feedbackloop.notifications.directory.url", "http://127.0.0.1:9",
                    "feedbackloop.notifications.directory.timeout", "2s");
        }
    }

    @Inject
    WeeklyStories stories;

    @Inject
    AgroalDataSource database;

    @Test
    void nothingIsRecordedAndTheNextCheckTriesAgain() throws Throwable {
        // a week with something to tell the managers: an action done in it
        var week = Week.of(LocalDate.of(1994, 1, 3).plusWeeks(ThreadLocalRandom.current().nextInt(100)));
        var rows = new Rows(database);
        rows.execute("insert into tracked_action (action_id, title, team, status, updated_at, completed_at) "
                + "values (gen_random_uuid(), 'Done while Keycloak was away', 'billing', 'DONE', now(), ?)",
                week.start().plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
        var monday = week.end().plus(Duration.ofHours(9));

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> stories.sendDue(monday)))
                .as("the directory cannot be read").isInstanceOf(Exception.class);
        assertThat(rows.count("select count(*) from notification where source_event_id = ?::uuid",
                WeeklyStories.sourceOf(week, Tokens.subjectOf("maria")).toString())).isZero();
        // the scheduled check logs it and carries on
        VertxContextSupport.subscribeAndAwait(() -> stories.check());
    }
}
