package org.feedbackloop.e2e.hostile;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The table by category: sent, expected status seen, 5xx, data leaked, wrong content (read-back or change). */
public final class Tally {

    private record Row(int sent, int expected, int serverErrors, int leaked, int wrong) {
        Row plus(Verdict verdict) {
            return new Row(sent + 1, expected + (verdict.expectedStatus() ? 1 : 0), serverErrors + (verdict.serverError() ? 1 : 0),
                    leaked + (verdict.leaks().isEmpty() ? 0 : 1), wrong + (verdict.wrongContent().isEmpty() ? 0 : 1));
        }

        Row plus(Row other) {
            return new Row(sent + other.sent, expected + other.expected, serverErrors + other.serverErrors,
                    leaked + other.leaked, wrong + other.wrong);
        }
    }

    private final Map<Category, Row> rows = new EnumMap<>(Category.class);

    public Tally(List<Verdict> verdicts) {
        for (var category : Category.values()) {
            rows.put(category, new Row(0, 0, 0, 0, 0));
        }
        verdicts.forEach(verdict -> rows.merge(verdict.hostileCase().category(), new Row(0, 0, 0, 0, 0).plus(verdict), Row::plus));
    }

    public int sent() {
        return rows.values().stream().mapToInt(Row::sent).sum();
    }

    public String render() {
        var format = "%-38s %6s %9s %5s %7s %14s%n";
        var table = new StringBuilder(format.formatted("category", "sent", "expected", "5xx", "leaked", "wrong content"));
        var total = new Row(0, 0, 0, 0, 0);
        for (var entry : rows.entrySet()) {
            var row = entry.getValue();
            table.append(format.formatted(entry.getKey().label(), row.sent(), row.expected(), row.serverErrors(), row.leaked(),
                    row.wrong()));
            total = total.plus(row);
        }
        return table.append(format.formatted("total", total.sent(), total.expected(), total.serverErrors(), total.leaked(),
                total.wrong())).toString();
    }
}
