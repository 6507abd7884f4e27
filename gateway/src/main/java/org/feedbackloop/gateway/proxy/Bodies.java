package org.feedbackloop.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/** Reads a whole body into memory, up to a limit. */
public final class Bodies {

    private Bodies() {
    }

    /** Fails with {@link TooLarge} as soon as more than {@code maxBytes} arrived, and stops reading. */
    public static Future<Buffer> collect(ReadStream<Buffer> stream, long maxBytes) {
        Promise<Buffer> done = Promise.promise();
        var body = Buffer.buffer();
        stream.exceptionHandler(done::tryFail);
        stream.endHandler(v -> done.tryComplete(body));
        stream.handler(chunk -> {
            if (body.length() + chunk.length() > maxBytes) {
                stream.pause();
                done.tryFail(new TooLarge());
            } else {
                body.appendBuffer(chunk);
            }
        });
        stream.resume();
        return done.future();
    }

    public static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("body too large", null, false, false);
        }
    }
}
