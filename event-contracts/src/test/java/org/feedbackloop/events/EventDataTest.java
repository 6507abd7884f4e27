package org.feedbackloop.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventDataTest {

    @Test
    void everyKindOfDataIsTheDataOfAType() throws IllegalAccessException {
        var carried = new HashSet<Class<?>>();
        for (var field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().endsWith("_EXCHANGE")) {
                EventTypes.dataType((String) field.get(null)).ifPresent(carried::add);
            }
        }
        assertThat(carried).containsExactlyInAnyOrder(EventData.class.getPermittedSubclasses());
        assertThat(EventTypes.dataType(EventTypes.FEEDBACK_ERASED)).contains(FeedbackErased.class);
        assertThat(EventTypes.dataType("action.unheard-of")).isEmpty();
    }

    @Test
    void anErasureNamesAddressesByHashAndCarriesNoneOfThem() throws Exception {
        var hash = FeedbackErased.hashOf("  Erin@Example.COM ");
        // echo -n erin@example.com | sha256sum
        assertThat(hash).isEqualTo("405340cd9ac94b08b93800aee3f0db2dd673256bc318987e51e177eb53cca1b2");
        var erased = new FeedbackErased("sub-1", List.of(UUID.randomUUID()), List.of(hash),
                FeedbackErased.REQUESTED, Instant.now());
        assertThat(erased.isComplete()).isTrue();
        assertThat(new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(erased))
                .doesNotContain("erin").contains(hash);
        assertThat(new FeedbackErased(null, List.of(), null, FeedbackErased.RETENTION, Instant.now()).isComplete())
                .isTrue();
        assertThat(new FeedbackErased(null, List.of(), null, FeedbackErased.REQUESTED, Instant.now()).isComplete())
                .isFalse();
    }

    @Test
    void completenessIsAQuestionNotAField() throws Exception {
        var changed = new ActionStatusChanged(UUID.randomUUID(), "Refunds", "OPEN", "DONE", "Fixed", null, 2, "olivia",
                Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(changed.isComplete()).isTrue();
        var json = new ObjectMapper().registerModule(new JavaTimeModule()).writeValueAsString(changed);
        assertThat(json).doesNotContain("complete");
        assertThat(new ActionStatusChanged(changed.actionId(), null, "OPEN", "DONE", null, null, 0, null, Instant.now())
                .isComplete()).isFalse();
    }

    @Test
    void aSentimentOutOfItsRangeIsIncomplete() {
        assertThat(Arrays.stream(new double[]{-1, 0, 1}).allMatch(s -> received(s).isComplete())).isTrue();
        assertThat(received(1.5).isComplete()).isFalse();
        assertThat(received(Double.NaN).isComplete()).isFalse();
    }

    private static FeedbackReceived received(double sentiment) {
        return new FeedbackReceived(UUID.randomUUID(), "alice", null, false, "WEB", "Billed twice", "billing", sentiment,
                null, null, Instant.now(), null, null, null, null, null);
    }
}
