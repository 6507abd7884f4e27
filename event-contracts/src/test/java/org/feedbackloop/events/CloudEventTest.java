package org.feedbackloop.events;

import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventTest {

    @Test
    void aNewEventIsAStructuredCloudEventTimedToTheMicrosecond() {
        for (int i = 0; i < 100; i++) {
            var event = CloudEvent.of("/feedback-service", EventTypes.FEEDBACK_UPDATED, "subject", "data");
            assertThat(event.time()).isEqualTo(event.time().truncatedTo(ChronoUnit.MICROS));
            assertThat(event.specversion()).isEqualTo("1.0");
            assertThat(event.datacontenttype()).isEqualTo("application/json");
        }
    }
}
