package org.feedbackloop.action.api;

import org.feedbackloop.action.domain.ActionStatus;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The status filter's documented pattern names every status, and the lists the queue reads. */
class ListActionsParamsTest {

    @Test
    void theStatusPatternTakesEveryStatusAndListsOfThem() {
        for (var status : ActionStatus.values()) {
            assertThat(status.name()).matches(ListActionsParams.STATUS_PATTERN);
        }
        var all = Arrays.stream(ActionStatus.values()).map(Enum::name).collect(Collectors.joining(", "));
        assertThat(all).matches(ListActionsParams.STATUS_PATTERN).hasSizeLessThanOrEqualTo(ListActionsParams.LONGEST_STATUS);
        assertThat("OPEN,DONE").matches(ListActionsParams.STATUS_PATTERN);
        assertThat("open").doesNotMatch(ListActionsParams.STATUS_PATTERN);
        assertThat("").doesNotMatch(ListActionsParams.STATUS_PATTERN);
    }
}
