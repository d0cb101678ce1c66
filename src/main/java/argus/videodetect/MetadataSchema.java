package argus.videodetect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A tenant's metadata schema: the JSON Schema keywords a flat metadata object needs — {@code type}, {@code properties},
 * {@code required}, {@code additionalProperties} (boolean), {@code enum}, {@code minLength}, {@code maxLength},
 * {@code pattern}, {@code minimum}, {@code maximum}, {@code description}, {@code title}. A schema using any other
 * keyword is refused when configured, rather than silently half-applied.
 */
public final class MetadataSchema {
    private static final Set<String> KEYWORDS = Set.of(
            "type",
            "properties",
            "required",
            "additionalProperties",
            "enum",
            "minLength",
            "maxLength",
            "pattern",
            "minimum",
            "maximum",
            "description",
            "title",
            "$schema");

    private MetadataSchema() {}

    /** The problems of the schema itself: unknown keywords, malformed parts. */
    public static List<String> problemsOf(Map<String, Object> schema) {
        List<String> problems = new ArrayList<>();
        checkSchema(schema, "schema", problems);
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void checkSchema(Map<String, Object> schema, String where, List<String> problems) {
        for (String keyword : schema.keySet()) {
            if (!KEYWORDS.contains(keyword)) {
                problems.add("%s: keyword '%s' is not supported".formatted(where, keyword));
            }
        }
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, property) -> {
                if (property instanceof Map<?, ?> nested) {
                    checkSchema((Map<String, Object>) nested, where + "." + name, problems);
                } else {
                    problems.add("%s.%s: must be an object".formatted(where, name));
                }
            });
        } else if (schema.containsKey("properties")) {
            problems.add(where + ": properties must be an object");
        }
        if (schema.get("pattern") instanceof String pattern) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.add(where + ": pattern is not a valid regular expression");
            }
        }
    }

    /** Why {@code value} does not satisfy {@code schema}; empty when it does. */
    public static List<String> violations(Map<String, Object> schema, Object value) {
        List<String> violations = new ArrayList<>();
        check(schema, value, "metadata", violations);
        return violations;
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> schema, Object value, String where, List<String> violations) {
        if (schema.get("type") instanceof String type && !hasType(value, type)) {
            violations.add("%s must be of type %s".formatted(where, type));
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(value)) {
            violations.add("%s must be one of %s".formatted(where, allowed));
        }
        if (value instanceof String text) {
            if (schema.get("minLength") instanceof Number min && text.length() < min.intValue()) {
                violations.add("%s must be at least %d characters".formatted(where, min.intValue()));
            }
            if (schema.get("maxLength") instanceof Number max && text.length() > max.intValue()) {
                violations.add("%s must be at most %d characters".formatted(where, max.intValue()));
            }
            if (schema.get("pattern") instanceof String pattern
                    && !Pattern.compile(pattern).matcher(text).find()) {
                violations.add("%s must match %s".formatted(where, pattern));
            }
        }
        if (value instanceof Number number) {
            if (schema.get("minimum") instanceof Number min && number.doubleValue() < min.doubleValue()) {
                violations.add("%s must be at least %s".formatted(where, min));
            }
            if (schema.get("maximum") instanceof Number max && number.doubleValue() > max.doubleValue()) {
                violations.add("%s must be at most %s".formatted(where, max));
            }
        }
        if (value instanceof Map<?, ?> object) {
            Map<String, Object> properties =
                    schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
            if (schema.get("required") instanceof List<?> required) {
                required.stream()
                        .filter(name -> !object.containsKey(name))
                        .forEach(name -> violations.add("%s.%s is required".formatted(where, name)));
            }
            object.forEach((name, field) -> {
                if (properties.get(name) instanceof Map<?, ?> property) {
                    check((Map<String, Object>) property, field, where + "." + name, violations);
                } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    violations.add("%s.%s is not allowed".formatted(where, name));
                }
            });
        }
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "object" -> value instanceof Map<?, ?>;
            case "array" -> value instanceof List<?>;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue());
            case "number" -> value instanceof Number;
            case "null" -> value == null;
            default -> false;
        };
    }
}
