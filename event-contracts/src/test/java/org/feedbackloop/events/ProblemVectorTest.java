package org.feedbackloop.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemVectorTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void travelsAsItsSpaceAndCoordinatesOnly() throws Exception {
        var coordinates = new float[ProblemVector.DIMENSIONS];
        Arrays.fill(coordinates, 0.05f);
        var tree = json.readTree(json.writeValueAsString(new ProblemVector(ProblemVector.SPACE, coordinates)));

        assertThat(tree.fieldNames()).toIterable().containsExactlyInAnyOrder("space", "vector");
        assertThat(tree.get("vector")).hasSize(ProblemVector.DIMENSIONS);
    }

    @Test
    void isCurrentOnlyInTodaysSpaceWithFiniteCoordinatesOfTheRightLength() {
        var finite = new float[ProblemVector.DIMENSIONS];
        var notANumber = new float[ProblemVector.DIMENSIONS];
        notANumber[7] = Float.NaN;

        assertThat(new ProblemVector(ProblemVector.SPACE, finite).isCurrent()).isTrue();
        assertThat(new ProblemVector("other-model/v1", finite).isCurrent()).isFalse();
        assertThat(new ProblemVector(ProblemVector.SPACE, new float[10]).isCurrent()).isFalse();
        assertThat(new ProblemVector(ProblemVector.SPACE, notANumber).isCurrent()).isFalse();
        assertThat(new ProblemVector(ProblemVector.SPACE, null).isCurrent()).isFalse();
    }
}
