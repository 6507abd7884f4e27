package org.feedbackloop.gateway.web.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.feedbackloop.gateway.support.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.gateway.support.UpstreamStub.json;

/** The console's preview of a public note: notification-service's words, with the console's warnings. */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PublicNotePreviewsTest {

    @Inject
    PublicNotePreviews previews;

    @BeforeEach
    @AfterEach
    void freshUpstreams() {
        TestInfrastructure.resetUpstreams();
    }

    @Test
    void showsTheWordsNotificationServiceWillSend() {
        TestInfrastructure.notifications().on(PublicNotePreviews.PATH, json(200, """
                {"title":"You said, we did: Double charges","body":"It is done. We refunded everyone.",
                 "quote":"I was charged twice"}"""));

        var preview = previews.of("owner-token", "DONE", "Double charges", " We refunded everyone. ", "I was\n charged twice")
                .await().atMost(Duration.ofSeconds(5));

        assertThat(preview.title()).isEqualTo("You said, we did: Double charges");
        assertThat(preview.body()).isEqualTo("It is done. We refunded everyone.");
        assertThat(preview.quote()).isEqualTo("I was charged twice");
        assertThat(preview.statusWords()).isEqualTo("Done");
        assertThat(preview.tellsContributors()).isTrue();
        assertThat(preview.warning()).isNull();
        var asked = TestInfrastructure.notifications().received(PublicNotePreviews.PATH).getLast();
        assertThat(asked.method()).isEqualTo("POST");
        assertThat(asked.header("Authorization")).isEqualTo("Bearer owner-token");
        assertThat(asked.body()).contains("\"status\":\"DONE\"", "\"publicNote\":\"We refunded everyone.\"",
                "\"contributorWords\":\"I was\\n charged twice\"");
    }

    @Test
    void warnsWhenNobodyWouldBeTold() {
        TestInfrastructure.notifications().on(PublicNotePreviews.PATH, json(200, """
                {"title":"About what you told us: Dark mode"}"""));

        var declined = previews.of("owner-token", "DECLINED", "Dark mode", "  ", null).await().atMost(Duration.ofSeconds(5));
        assertThat(declined.tellsContributors()).isFalse();
        assertThat(declined.body()).isNull();
        assertThat(declined.warning()).contains("required");

        var planned = previews.of("owner-token", "PLANNED", "Dark mode", null, null).await().atMost(Duration.ofSeconds(5));
        assertThat(planned.warning()).contains("not told");
    }

    @Test
    void saysSoWhenNotificationServiceDoesNotAnswer() {
        TestInfrastructure.notifications().on(PublicNotePreviews.PATH, json(503, "{}"));

        var preview = previews.of("owner-token", "DONE", "Refunds", "Fixed.", "Slow refunds").await().atMost(Duration.ofSeconds(10));

        assertThat(preview.title()).isNull();
        assertThat(preview.tellsContributors()).isFalse();
        assertThat(preview.warning()).contains("unavailable");
        assertThat(preview.quote()).isEqualTo("Slow refunds");
    }
}
