package org.feedbackloop.testkit;

import java.util.Arrays;
import java.util.Random;

/** Synthetic sentence vectors for tests and benchmarks: random directions, and vectors at a chosen cosine from one. */
public final class Vectors {

    /** The sentence model's dimensions. */
    public static final int DIMENSIONS = 384;

    private Vectors() {
    }

    /** {@code vector} scaled to length 1, in place; returned for chaining. */
    public static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        return vector;
    }

    /** A direction drawn uniformly: Gaussian components, made unit. */
    public static float[] randomUnit(Random random) {
        var vector = new float[DIMENSIONS];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return unit(vector);
    }

    /** A unit vector whose cosine with {@code target} is about {@code similarity} (in high dimensions). */
    public static float[] near(float[] target, double similarity, Random random) {
        var direction = unit(Arrays.copyOf(target, target.length));
        var noise = randomUnit(random);
        double weight = Math.sqrt(1 - similarity * similarity) / similarity;
        var vector = new float[target.length];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (direction[i] + weight * noise[i]);
        }
        return unit(vector);
    }
}
