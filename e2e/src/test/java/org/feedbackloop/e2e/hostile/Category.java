package org.feedbackloop.e2e.hostile;

/** The kinds of hostile input, in the order they run and appear in the table. */
public enum Category {
    MALFORMED_BODIES("1 malformed, oversize, huge headers"),
    WRONG_TYPES("2 wrong types, bad ids and params"),
    UNICODE("3 unicode edge cases"),
    INJECTION("4 SQL and template injection"),
    XSS("5 XSS, rendered escaped"),
    TOKENS("6 missing and bad tokens"),
    ROLE_ESCALATION("7 role escalation"),
    IDOR("8 another's objects (IDOR)"),
    SMUGGLING_AND_TRAVERSAL("9 smuggling, traversal, raw HTTP");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
