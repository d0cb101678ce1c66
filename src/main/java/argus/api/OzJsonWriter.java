package argus.api;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.MutableHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.body.ByteBodyFactory;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.body.ResponseBodyWriter;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes JSON responses; those of Oz endpoints with a space after every {@code :} and {@code ,} between tokens, the
 * way Oz's server writes them. Clients and deployment scripts in the wild match on that text (for example
 * {@code "access_token": "}), so the bytes matter, not only the JSON they parse to. The other contracts stay compact.
 */
@Singleton
@Order(-100)
@Produces(MediaType.APPLICATION_JSON)
public class OzJsonWriter implements ResponseBodyWriter<Object> {
    private final JsonMapper mapper;

    public OzJsonWriter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public boolean isWriteable(Argument<Object> type, MediaType mediaType) {
        Class<?> body = type.getType();
        return mediaType != null
                && mediaType.matches(MediaType.APPLICATION_JSON_TYPE)
                && !CharSequence.class.isAssignableFrom(body)
                && body != byte[].class
                && !ByteBuffer.class.isAssignableFrom(body)
                && !java.nio.ByteBuffer.class.isAssignableFrom(body)
                && !InputStream.class.isAssignableFrom(body);
    }

    @Override
    public CloseableByteBody writePiece(
            ByteBodyFactory bodyFactory,
            HttpRequest<?> request,
            HttpResponse<?> response,
            Argument<Object> type,
            MediaType mediaType,
            Object object) {
        byte[] json = json(type, object);
        return bodyFactory.adapt(ContractPaths.oz(request.getPath()) ? spaced(json) : json);
    }

    @Override
    public void writeTo(
            Argument<Object> type, MediaType mediaType, Object object, MutableHeaders headers, OutputStream out) {
        try {
            out.write(json(type, object));
        } catch (IOException e) {
            throw new CodecException("cannot write the response", e);
        }
    }

    private byte[] json(Argument<Object> type, Object object) {
        try {
            return mapper.writeValueAsBytes(type, object);
        } catch (IOException e) {
            throw new CodecException("cannot write the response as JSON", e);
        }
    }

    /** Compact JSON with {@code ": "} and {@code ", "} as separators; text inside strings is left as it is. */
    static byte[] spaced(byte[] json) {
        byte[] out = new byte[json.length * 2];
        int length = 0;
        boolean inString = false;
        boolean escaped = false;
        for (byte b : json) {
            out[length++] = b;
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == ':' || b == ',') {
                out[length++] = ' ';
            }
        }
        return Arrays.copyOf(out, length);
    }
}
