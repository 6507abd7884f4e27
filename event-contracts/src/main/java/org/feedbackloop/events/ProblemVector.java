package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a piece of feedback is about, as a point in a named vector space: feedback-service's sentence model reads
 * the text, and the vector keeps what the problem is without how it was said. Vectors have unit length, so the
 * dot product of two is their cosine similarity; two compare only when their {@code space} is the same.
 *
 * @param space  names the model and the projection, e.g. {@code all-minilm-l6-v2-q/problem-v1}
 * @param vector the coordinates (384 for that space)
 */
@Schema(name = "ProblemVector", description = "What a piece of feedback is about, as a unit vector of a named space")
public record ProblemVector(
        @Schema(description = "The model and projection of the vector", enumeration = SPACE)
        String space,
        @Schema(description = "The coordinates: unit length, so each is between -1 and 1",
                minItems = DIMENSIONS, maxItems = DIMENSIONS)
        float[] vector) {

    /** The space feedback-service writes today: all-MiniLM-L6-v2 (quantized), the problem projection, 384 dimensions. */
    public static final String SPACE = "all-minilm-l6-v2-q/problem-v1";
    public static final int DIMENSIONS = 384;

    /** Whether this vector is one of {@link #SPACE}: the right space, the right length, finite numbers. */
    @JsonIgnore
    public boolean isCurrent() {
        if (!SPACE.equals(space) || vector == null || vector.length != DIMENSIONS) {
            return false;
        }
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
