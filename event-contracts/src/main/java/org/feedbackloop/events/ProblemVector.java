package org.feedbackloop.events;

/**
 * What a piece of feedback is about, as a point in a named vector space: feedback-service's sentence model reads
 * the text, and the vector keeps what the problem is without how it was said. Vectors have unit length, so the
 * dot product of two is their cosine similarity; two compare only when their {@code space} is the same.
 *
 * @param space  names the model and the projection, e.g. {@code all-minilm-l6-v2-q/problem-v1}
 * @param vector the coordinates (384 for that space)
 */
public record ProblemVector(String space, float[] vector) {
}
