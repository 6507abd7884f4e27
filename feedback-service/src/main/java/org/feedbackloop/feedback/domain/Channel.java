package org.feedbackloop.feedback.domain;

/** Where a piece of feedback came from. */
public enum Channel {
    WEB, EMAIL, SURVEY, SOCIAL, PHONE, IN_APP, API;

    /** How many channels there are: the most entries a list by channel has (a constant, for the OpenAPI document). */
    public static final int COUNT = 7;

    static {
        if (values().length != COUNT) {
            throw new ExceptionInInitializerError("Channel.COUNT is " + COUNT + " but there are " + values().length + " channels");
        }
    }
}
