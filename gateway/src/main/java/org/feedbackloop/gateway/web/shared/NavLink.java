package org.feedbackloop.gateway.web.shared;

/** One entry of the main navigation; {@code current} marks the section the page belongs to. */
public record NavLink(String label, String href, boolean current) {
}
