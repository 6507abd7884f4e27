package org.feedbackloop.bench.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The mean and the main directions of a set of vectors (power iteration with deflation; deterministic). */
final class Pca {

    private static final int ITERATIONS = 500;

    private Pca() {
    }

    static float[] mean(List<float[]> vectors) {
        int dimensions = vectors.getFirst().length;
        var mean = new double[dimensions];
        for (var vector : vectors) {
            for (int i = 0; i < dimensions; i++) {
                mean[i] += vector[i];
            }
        }
        var result = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            result[i] = (float) (mean[i] / vectors.size());
        }
        return result;
    }

    /** The {@code count} directions of largest variance around {@code mean}, unit length, largest first. */
    static List<float[]> directions(List<float[]> vectors, float[] mean, int count) {
        int dimensions = mean.length;
        var covariance = new double[dimensions][dimensions];
        for (var vector : vectors) {
            var centred = new double[dimensions];
            for (int i = 0; i < dimensions; i++) {
                centred[i] = vector[i] - mean[i];
            }
            for (int i = 0; i < dimensions; i++) {
                for (int j = 0; j < dimensions; j++) {
                    covariance[i][j] += centred[i] * centred[j];
                }
            }
        }
        var random = new Random(1);
        var found = new ArrayList<float[]>();
        for (int k = 0; k < count; k++) {
            var direction = new double[dimensions];
            for (int i = 0; i < dimensions; i++) {
                direction[i] = random.nextGaussian();
            }
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                var next = new double[dimensions];
                for (int i = 0; i < dimensions; i++) {
                    double sum = 0;
                    for (int j = 0; j < dimensions; j++) {
                        sum += covariance[i][j] * direction[j];
                    }
                    next[i] = sum;
                }
                direction = unit(next);
            }
            double eigenvalue = 0;
            for (int i = 0; i < dimensions; i++) {
                for (int j = 0; j < dimensions; j++) {
                    eigenvalue += direction[i] * covariance[i][j] * direction[j];
                }
            }
            for (int i = 0; i < dimensions; i++) {
                for (int j = 0; j < dimensions; j++) {
                    covariance[i][j] -= eigenvalue * direction[i] * direction[j];
                }
            }
            var result = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                result[i] = (float) direction[i];
            }
            found.add(result);
        }
        return found;
    }

    private static double[] unit(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return vector;
    }
}
