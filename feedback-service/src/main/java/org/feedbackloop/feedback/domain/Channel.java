package org.feedbackloop.feedback.domain;

/** Where a piece of feedback came from. */
public enum Channel {
    WEB, EMAIL, SURVEY, SOCIAL, PHONE, IN_APP, API
}
