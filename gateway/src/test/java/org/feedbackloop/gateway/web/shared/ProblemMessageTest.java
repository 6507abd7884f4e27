package org.feedbackloop.gateway.web.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMessageTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aStaleVersionAsksToReload() throws Exception {
        var message = ProblemMessage.of(409, json.readTree("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"version 3 is stale\"}"));

        assertThat(message.headline()).isEqualTo("Someone else changed this while you were looking at it.");
        assertThat(message.advice()).contains("Reload");
    }

    @Test
    void aForbiddenTransitionSaysWhy() throws Exception {
        var message = ProblemMessage.of(422, json.readTree("{\"status\":422,\"detail\":\"An OPEN action cannot move to DONE\"}"));

        assertThat(message.headline()).isEqualTo("That change is not possible.");
        assertThat(message.advice()).isEqualTo("An OPEN action cannot move to DONE");
    }

    @Test
    void invalidFieldsAreListed() throws Exception {
        var message = ProblemMessage.of(400, json.readTree("{\"status\":400,\"detail\":\"1 field is invalid\","
                + "\"errors\":[{\"field\":\"rating.score\",\"message\":\"must be between 0 and 10 for NPS\"}]}"));

        assertThat(message.details()).containsExactly("rating.score: must be between 0 and 10 for NPS");
    }

    @Test
    void noBodyAndServerErrorsStillReadWell() {
        assertThat(ProblemMessage.of(404, null).headline()).isEqualTo("We could not find it.");
        assertThat(ProblemMessage.of(500, null).advice()).contains("Nothing was lost");
        assertThat(ProblemMessage.unavailable(Service.NOTIFICATIONS).headline())
                .isEqualTo("The notification service is temporarily unavailable.");
    }
}
