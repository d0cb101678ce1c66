package argus.report;

import java.util.Map;
import java.util.Set;

/** The words a report prints around the facts, in the languages a template may choose. */
final class ReportLabels {
    static final Set<String> LANGUAGES = Set.of("en", "ru");

    private static final Map<String, Map<String, String>> LABELS = Map.of(
            "en",
            Map.ofEntries(
                    Map.entry("folder", "Folder"),
                    Map.entry("systemVerdict", "System verdict"),
                    Map.entry("operatorVerdict", "operator verdict"),
                    Map.entry("company", "Company"),
                    Map.entry("user", "User"),
                    Map.entry("status", "Status"),
                    Map.entry("created", "Created"),
                    Map.entry("updated", "Updated"),
                    Map.entry("request", "Request"),
                    Map.entry("metadata", "Metadata"),
                    Map.entry("media", "Media"),
                    Map.entry("analyses", "Analyses"),
                    Map.entry("decisions", "Operator decisions"),
                    Map.entry("webhooks", "Webhook deliveries"),
                    Map.entry("none", "None."),
                    Map.entry("score", "score"),
                    Map.entry("againstThreshold", "against threshold")),
            "ru",
            Map.ofEntries(
                    Map.entry("folder", "Папка"),
                    Map.entry("systemVerdict", "Решение системы"),
                    Map.entry("operatorVerdict", "решение оператора"),
                    Map.entry("company", "Компания"),
                    Map.entry("user", "Пользователь"),
                    Map.entry("status", "Статус"),
                    Map.entry("created", "Создана"),
                    Map.entry("updated", "Изменена"),
                    Map.entry("request", "Запрос"),
                    Map.entry("metadata", "Метаданные"),
                    Map.entry("media", "Медиа"),
                    Map.entry("analyses", "Анализы"),
                    Map.entry("decisions", "Решения операторов"),
                    Map.entry("webhooks", "Доставка вебхуков"),
                    Map.entry("none", "Нет."),
                    Map.entry("score", "оценка"),
                    Map.entry("againstThreshold", "при пороге")));

    private ReportLabels() {}

    static Map<String, String> of(String language) {
        return LABELS.getOrDefault(language, LABELS.get("en"));
    }
}
