package org.feedbackloop.gateway.support;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends bytes exactly as written to the gateway and reads the answer: HTTP clients clean up paths such as
 * {@code /a/../b} before sending, and the point of some tests is that the gateway sees them raw.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** The whole answer (status line, headers, body) to a request the connection is closed after. */
    public static String send(String request) {
        try (var socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String get(String rawPath, String token) {
        return send("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n");
    }

    public static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }
}
