package io.github.harnessreactive.core.internal;

import io.github.harnessreactive.core.HarnessService;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.util.MimeType;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON decoder of the runtime's WebClient: Jackson's, plus two checks on every whole-body
 * decode, which need the bytes and so cannot happen later.
 *
 * <ul>
 *   <li>A body that does not decode fails with {@link UndecodableBody} carrying an excerpt, so the
 *       call layer can report it with the status as a typed error, never a raw Jackson exception.</li>
 *   <li>A successful response whose body is an error envelope ({@link ErrorEnvelope}'s rule: NG
 *       {@code status: ERROR/FAILURE}, an SEI 2.0 {@code status: "error"} wrapper) fails with
 *       {@link ErrorInSuccessBody} carrying the body, so it becomes a typed error instead of an
 *       empty-looking success.</li>
 * </ul>
 */
final class HarnessJsonDecoder extends JacksonJsonDecoder {

  private final JsonMapper mapper;

  HarnessJsonDecoder(JsonMapper mapper, int maxInMemorySize) {
    super(mapper);
    this.mapper = mapper;
    setMaxInMemorySize(maxInMemorySize);
  }

  @Override
  public Object decode(DataBuffer buffer, ResolvableType targetType, MimeType mimeType, Map<String, Object> hints) {
    int start = buffer.readPosition();
    int length = buffer.readableByteCount();
    DataBufferUtils.retain(buffer); // super.decode releases it; the bytes stay readable for the checks below
    try {
      Object value;
      try {
        value = super.decode(buffer, targetType, mimeType, hints);
      } catch (DecodingException e) {
        throw new UndecodableBody(bytes(buffer, start, Math.min(length, UndecodableBody.KEPT)), length, e);
      }
      if (value != null && carriesError(buffer, start, targetType.toClass())) {
        throw new ErrorInSuccessBody(bytes(buffer, start, length));
      }
      return value;
    } finally {
      DataBufferUtils.release(buffer);
    }
  }

  /** Whether the body is an error envelope, by {@link ErrorEnvelope}'s rule for the service of the target type. */
  private boolean carriesError(DataBuffer buffer, int start, Class<?> target) {
    buffer.readPosition(start);
    try (JsonParser parser = mapper.createParser(buffer.asInputStream())) {
      return ErrorEnvelope.isError(ErrorEnvelope.topLevelStatus(parser), documentOf(target));
    }
  }

  private static String documentOf(Class<?> type) {
    try {
      return HarnessService.of(type).document();
    } catch (IllegalArgumentException notGenerated) {
      return null;
    }
  }

  private static byte[] bytes(DataBuffer buffer, int start, int count) {
    byte[] bytes = new byte[count];
    buffer.readPosition(start);
    buffer.read(bytes);
    return bytes;
  }

  /** A body that could not be decoded, with the start of it. */
  static final class UndecodableBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * How many bytes of the body are kept: what an error shows ({@link ErrorMapper#EXCERPT_LIMIT})
     * and a margin longer than any credential, so that secrets are scrubbed before the excerpt is
     * cut and one straddling the cut leaves no prefix behind.
     */
    static final int KEPT = ErrorMapper.EXCERPT_LIMIT + 8192;

    final transient byte[] excerpt;
    final int length;

    /** The failure of decoding this body: its first {@link #KEPT} bytes are kept. */
    static UndecodableBody of(byte[] body, Throwable cause) {
      return new UndecodableBody(Arrays.copyOf(body, Math.min(body.length, KEPT)), body.length, cause);
    }

    UndecodableBody(byte[] excerpt, int length, Throwable cause) {
      super("undecodable body of " + length + " bytes", cause);
      this.excerpt = excerpt;
      this.length = length;
    }

    String excerptText() {
      return new String(excerpt, StandardCharsets.UTF_8);
    }
  }

  /** A successful response whose body is an error envelope. */
  static final class ErrorInSuccessBody extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient byte[] body;

    ErrorInSuccessBody(byte[] body) {
      super("error envelope in a successful response", null, false, false);
      this.body = body;
    }
  }
}
