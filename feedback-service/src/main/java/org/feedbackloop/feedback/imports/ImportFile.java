package org.feedbackloop.feedback.imports;

import org.feedbackloop.feedback.api.problem.FeedbackProblem;
import org.feedbackloop.kit.problem.ProblemException;
import org.feedbackloop.kit.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file for import as received: written to the spool directory as it arrives (it never sits in memory), checked on
 * the way (UTF-8, no line longer than a row can be), and then read through once to count its rows and find any row
 * the format cannot read. A file that fails any check is deleted and refused with the line at fault; nothing of it
 * is imported.
 *
 * @param path   where it waits until its import is done
 * @param sha256 its digest: the same file posted again finds its import
 * @param rows   how many rows it holds (the header aside)
 */
record ImportFile(Path path, ImportFormat format, String sha256, int rows) {

    /** A line longer than this cannot be one submission (5,000 characters of text and a few short fields). */
    static final int MAX_LINE_CHARS = 64 * 1024;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** Reads the body into {@code path}; throws a problem (and deletes what it wrote) when the file is refused. */
    static ImportFile receive(InputStream body, ImportFormat format, Path path, int maxRows) {
        try {
            var sha256 = spool(body, path);
            int rows = ImportRows.count(path, format, maxRows);
            return new ImportFile(path, format, sha256, rows);
        } catch (RuntimeException e) {
            delete(path);
            throw e;
        } catch (IOException e) {
            delete(path);
            throw new UncheckedIOException(e);
        }
    }

    void delete() {
        delete(path);
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the spool directory is swept at start
        }
    }

    private static String spool(InputStream body, Path path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var lines = new LineCheck();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(path), digest)) {
            var buffer = new byte[64 * 1024];
            boolean first = true;
            for (int read; (read = body.readNBytes(buffer, 0, buffer.length)) > 0; ) {
                int offset = first && startsWithBom(buffer, read) ? UTF8_BOM.length : 0;
                first = false;
                lines.accept(ByteBuffer.wrap(buffer, offset, read - offset), false);
                out.write(buffer, offset, read - offset);
            }
            lines.accept(ByteBuffer.allocate(0), true);
        }
        if (lines.count == 0) {
            throw ProblemException.of(FeedbackProblem.UNREADABLE_FILE, "The file is empty");
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean startsWithBom(byte[] buffer, int length) {
        return length >= 3 && buffer[0] == UTF8_BOM[0] && buffer[1] == UTF8_BOM[1] && buffer[2] == UTF8_BOM[2];
    }

    /** Decodes the bytes as they pass, strictly: the first byte that is not UTF-8 refuses the file. */
    private static final class LineCheck {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(16 * 1024);
        private ByteBuffer carry = ByteBuffer.allocate(0);
        private int line = 1;
        private int lineLength;
        private long count;

        void accept(ByteBuffer bytes, boolean end) {
            var input = carry.hasRemaining() ? join(carry, bytes) : bytes;
            while (true) {
                CoderResult result = decoder.decode(input, chars, end);
                if (result.isError()) {
                    drain(); // the lines before the fault
                    throw ProblemException.of(FeedbackProblem.UNREADABLE_FILE,
                            "Line %d is not UTF-8: save the file as UTF-8 and post it again".formatted(line));
                }
                drain();
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (end) {
                decoder.flush(chars);
                drain();
            }
            carry = ByteBuffer.allocate(input.remaining()).put(input).flip();
        }

        private void drain() {
            chars.flip();
            while (chars.hasRemaining()) {
                char c = chars.get();
                count++;
                if (c == '\n') {
                    line++;
                    lineLength = 0;
                } else if (++lineLength > MAX_LINE_CHARS) {
                    throw ProblemException.of(FeedbackProblem.UNREADABLE_FILE,
                            "Line %d is longer than %,d characters: a row is one submission of at most 5,000 characters"
                                    .formatted(line, MAX_LINE_CHARS));
                }
            }
            chars.clear();
        }

        private static ByteBuffer join(ByteBuffer first, ByteBuffer second) {
            return ByteBuffer.allocate(first.remaining() + second.remaining()).put(first).put(second).flip();
        }
    }

    static ProblemException tooManyRows(int maxRows) {
        return ProblemException.of(ProblemType.PAYLOAD_TOO_LARGE,
                "A file may hold at most %,d rows: split it and post the parts one after the other".formatted(maxRows));
    }
}
