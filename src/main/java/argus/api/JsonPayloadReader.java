package argus.api;

import argus.ArgusException;
import argus.ErrorCode;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads client JSON into plain maps and lists, strictly: a duplicate key, invalid UTF-8, trailing content, more than
 * the configured size or nesting depth are all refused with {@code MALFORMED_PAYLOAD} rather than silently
 * interpreted.
 */
@Singleton
public class JsonPayloadReader {
    private final ApiConfig config;
    private final JsonFactory factory;

    public JsonPayloadReader(ApiConfig config) {
        this.config = config;
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(config.maxPayloadDepth())
                        .build())
                .build();
    }

    /** The JSON object in {@code bytes}; an absent or blank body reads as an empty object. */
    public Map<String, Object> readOptionalObject(@Nullable byte[] bytes, String what) {
        return bytes == null || blank(bytes) ? Map.of() : readObject(bytes, what);
    }

    private static boolean blank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The JSON object in {@code bytes}. */
    public Map<String, Object> readObject(byte[] bytes, String what) {
        if (bytes.length > config.maxPayloadBytes()) {
            throw new ArgusException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "%s exceeds %d bytes".formatted(what, config.maxPayloadBytes()));
        }
        try (JsonParser parser = factory.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw malformed(what, "a JSON object is expected");
            }
            Map<String, Object> value = object(parser);
            if (parser.nextToken() != null) {
                throw malformed(what, "unexpected content after the JSON object");
            }
            return value;
        } catch (JacksonException e) {
            throw malformed(what, e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed(what, e.getMessage());
        }
    }

    private static ArgusException malformed(String what, String reason) {
        return new ArgusException(ErrorCode.MALFORMED_PAYLOAD, "%s is not valid JSON: %s".formatted(what, reason));
    }

    private static Map<String, Object> object(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.put(name, value(parser));
        }
        return object;
    }

    private static List<Object> array(JsonParser parser) throws IOException {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(value(parser));
        }
        return array;
    }

    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected token " + parser.currentToken());
        };
    }
}
