package org.feedbackloop.k8s;

/** One problem in a rendered manifest: which check found it, in which object, where, and what. */
public record Finding(String check, String object, String path, String message) {

    @Override
    public String toString() {
        return "[" + check + "] " + object + " " + path + ": " + message;
    }
}
