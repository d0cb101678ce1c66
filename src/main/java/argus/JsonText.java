package argus;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON documents stored as text columns (metadata, tags, results), written and read with the one mapper. */
@Singleton
public class JsonText {
    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);
    private static final Argument<List<String>> STRINGS = Argument.listOf(String.class);
    private static final Argument<List<UUID>> IDS = Argument.listOf(UUID.class);

    private final JsonMapper mapper;

    public JsonText(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> object(String json) {
        return read(json, OBJECT);
    }

    public List<String> strings(String json) {
        return read(json, STRINGS);
    }

    public List<UUID> ids(String json) {
        return read(json, IDS);
    }

    public <T> T read(String json, Argument<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }
}
