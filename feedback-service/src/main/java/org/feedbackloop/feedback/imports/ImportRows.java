package org.feedbackloop.feedback.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.feedbackloop.feedback.api.problem.FeedbackProblem;
import org.feedbackloop.kit.problem.ProblemException;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The rows of a spooled file, one at a time, each as the JSON object a submission would be: a CSV row's columns
 * named by the header (a dotted name is a nested field: {@code contact.email}), a JSON Lines row as it is.
 */
abstract sealed class ImportRows implements Closeable {

    /** The header names a CSV file may use: the submission's fields. */
    static final Set<String> CSV_COLUMNS = Set.of("text", "channel", "topic", "externalRef", "createdAt",
            "contact.email", "consentToContact", "rating.scale", "rating.score");
    static final List<String> REQUIRED_COLUMNS = List.of("text", "channel");
    /** A CSV record may span lines (a quoted line break): it is still one submission, at most this long. */
    private static final int MAX_RECORD_CHARS = ImportFile.MAX_LINE_CHARS;

    /**
     * One row.
     *
     * @param line   the line of the file where it starts
     * @param fields the submission, or null when the row could not be read
     * @param error  why it could not be read
     */
    record Row(int line, ObjectNode fields, String error) {
    }

    /** The next row, or null after the last. */
    abstract Row next();

    static ImportRows open(Path file, ImportFormat format, ObjectMapper json) {
        try {
            return format == ImportFormat.CSV ? new Csv(file, json) : new JsonLines(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the whole file once: its number of rows, or a problem when the format cannot read it. */
    static int count(Path file, ImportFormat format, int maxRows) throws IOException {
        try (var rows = open(file, format, new ObjectMapper())) {
            int count = 0;
            while (rows.next() != null) {
                if (++count > maxRows) {
                    throw ImportFile.tooManyRows(maxRows);
                }
            }
            return count;
        }
    }

    private static final class Csv extends ImportRows {
        private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;
        private final ObjectMapper json;
        private long lastPosition = -1;

        Csv(Path file, ObjectMapper json) throws IOException {
            this.json = json;
            try {
                this.parser = CSVParser.builder().setPath(file).setCharset(StandardCharsets.UTF_8).setFormat(FORMAT).get();
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw ProblemException.of(FeedbackProblem.UNREADABLE_FILE, "The header line cannot be read: " + e.getMessage());
            }
            this.header = parser.getHeaderNames();
            checkHeader(header);
            this.records = parser.iterator();
        }

        private static void checkHeader(List<String> header) {
            var unknown = header.stream().filter(name -> !CSV_COLUMNS.contains(name)).toList();
            var missing = REQUIRED_COLUMNS.stream().filter(name -> !header.contains(name)).toList();
            if (!missing.isEmpty() || !unknown.isEmpty()) {
                throw ProblemException.of(FeedbackProblem.UNREADABLE_FILE, ("The first line must be a header naming the "
                        + "columns: text and channel, and any of %s%s%s").formatted(
                        CSV_COLUMNS.stream().filter(c -> !REQUIRED_COLUMNS.contains(c)).sorted().toList(),
                        missing.isEmpty() ? "" : "; missing: " + missing,
                        unknown.isEmpty() ? "" : "; unknown: " + unknown));
            }
        }

        @Override
        Row next() {
            int line = (int) parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw ProblemException.of(FeedbackProblem.UNREADABLE_FILE,
                        "The row at line %d cannot be read (%s)".formatted(line, rootMessage(e)));
            }
            if (lastPosition >= 0 && record.getCharacterPosition() - lastPosition > MAX_RECORD_CHARS) {
                throw ProblemException.of(FeedbackProblem.UNREADABLE_FILE,
                        "A row before line %d is longer than %,d characters".formatted(line, MAX_RECORD_CHARS));
            }
            lastPosition = record.getCharacterPosition();
            if (record.size() != header.size()) {
                return new Row(line, null, "has %d fields where the header names %d".formatted(record.size(), header.size()));
            }
            var fields = json.createObjectNode();
            for (int i = 0; i < header.size(); i++) {
                var value = record.get(i);
                if (!value.isEmpty()) {
                    put(fields, header.get(i), value);
                }
            }
            return new Row(line, fields, null);
        }

        private void put(ObjectNode fields, String name, String value) {
            int dot = name.indexOf('.');
            var parent = dot < 0 ? fields : fields.get(name.substring(0, dot)) instanceof ObjectNode node ? node
                    : fields.putObject(name.substring(0, dot));
            parent.set(name.substring(dot + 1), typed(name, value.strip()));
        }

        /** A CSV cell is text; the JSON a submission is read from has numbers and booleans where they belong. */
        private JsonNode typed(String name, String value) {
            var nodes = json.getNodeFactory();
            return switch (name) {
                case "rating.score" -> value.matches("-?\\d{1,9}") ? nodes.numberNode(Integer.parseInt(value)) : nodes.textNode(value);
                case "consentToContact" -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                        ? nodes.booleanNode(Boolean.parseBoolean(value)) : nodes.textNode(value);
                default -> nodes.textNode(value);
            };
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static final class JsonLines extends ImportRows {
        private final BufferedReader reader;
        private final ObjectMapper json;
        private int line;

        JsonLines(Path file, ObjectMapper json) throws IOException {
            this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.json = json;
        }

        @Override
        Row next() {
            try {
                String text;
                do {
                    text = reader.readLine();
                    line++;
                } while (text != null && text.isBlank());
                if (text == null) {
                    return null;
                }
                JsonNode node;
                try {
                    node = json.readTree(text);
                } catch (JsonProcessingException e) {
                    return new Row(line, null, "is not JSON (" + e.getOriginalMessage() + ")");
                }
                return node instanceof ObjectNode object ? new Row(line, object, null)
                        : new Row(line, null, "is not a JSON object");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    private static String rootMessage(Throwable failure) {
        var messages = new ArrayList<String>();
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                messages.add(cause.getMessage());
            }
        }
        return messages.isEmpty() ? failure.getClass().getSimpleName() : messages.getLast();
    }
}
