package org.feedbackloop.feedback.analysis;

/** Arithmetic on the model's vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** Cosine similarity of two normalised vectors. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Scales {@code vector} to length 1 in place (a zero vector stays zero) and returns it. */
    public static float[] normalise(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += v * v;
        }
        if (squares == 0) {
            return vector;
        }
        float norm = (float) Math.sqrt(squares);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    /** Adds {@code weight × addend} to {@code sum} in place. */
    public static void addScaled(float[] sum, float[] addend, double weight) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += (float) (addend[i] * weight);
        }
    }
}
