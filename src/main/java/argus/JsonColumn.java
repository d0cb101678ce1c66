package argus;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A JSON document kept in a text column, read and written as its Java type by micronaut-data: an entity names the
 * converter of its type in {@code @MappedProperty(converter = ...)}. Text rather than the databases' JSON types keeps
 * the queries the same on H2 and PostgreSQL (they are generated once, for H2).
 *
 * <p>An entity with a list-typed column must be saved one row at a time: a batch save ({@code saveAll}, {@code
 * updateAll}) binds each element of a list as a parameter of its own, which this converter refuses.
 */
public abstract class JsonColumn<T> implements AttributeConverter<T, String> {
    private final JsonText json;
    private final Argument<T> type;

    protected JsonColumn(JsonText json, Argument<T> type) {
        this.json = json;
        this.type = type;
    }

    @Override
    public String convertToPersistedValue(T value, ConversionContext context) {
        if (value == null) {
            return null;
        }
        if (!type.getType().isInstance(value)) {
            throw new IllegalArgumentException("a %s column was given a %s"
                    .formatted(type.getTypeName(), value.getClass().getName()));
        }
        return json.write(value);
    }

    @Override
    public T convertToEntityValue(String value, ConversionContext context) {
        return value == null ? null : json.read(value, type);
    }

    /** A JSON object: metadata, parameters, results, schemas. */
    @Singleton
    public static class ObjectColumn extends JsonColumn<Map<String, Object>> {
        public ObjectColumn(JsonText json) {
            super(json, Argument.mapOf(String.class, Object.class));
        }
    }

    /** A JSON array of strings: media tags. */
    @Singleton
    public static class StringsColumn extends JsonColumn<List<String>> {
        public StringsColumn(JsonText json) {
            super(json, Argument.listOf(String.class));
        }
    }

    /** A JSON array of ids: an analysis's source media. */
    @Singleton
    public static class IdsColumn extends JsonColumn<List<UUID>> {
        public IdsColumn(JsonText json) {
            super(json, Argument.listOf(UUID.class));
        }
    }
}
