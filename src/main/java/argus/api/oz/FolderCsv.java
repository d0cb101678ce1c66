package argus.api.oz;

import argus.JsonText;
import argus.auth.Caller;
import argus.folder.Analysis;
import argus.folder.Folder;
import argus.folder.FolderQuery;
import argus.folder.FolderService;
import argus.folder.FolderView;
import argus.folder.OperatorDecision;
import io.micronaut.core.annotation.Nullable;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The folders a list query finds, as CSV (RFC 4180, UTF-8), produced while it is read: one page of folders at a time
 * is held, so an export of any size runs in the same memory. Folders are walked oldest first from the last one sent
 * (not by offset), up to the time the export began, so that folders created or deleted meanwhile shift nothing. A cell a spreadsheet would run as
 * a formula (one starting with {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe.
 */
final class FolderCsv extends InputStream {
    static final int PAGE = 500;

    private final FolderService folders;
    private final Caller caller;
    private final FolderQuery query;
    private final List<String> metaDataKeys;
    private final JsonText json;
    private byte[] buffer;
    private int position;
    private @Nullable Folder last;
    private boolean exhausted;

    FolderCsv(
            FolderService folders,
            Caller caller,
            FolderQuery filters,
            List<String> metaDataKeys,
            JsonText json,
            Instant began) {
        this.folders = folders;
        this.caller = caller;
        this.metaDataKeys = metaDataKeys;
        this.json = json;
        FolderQuery.TimeRange created =
                filters.created().to() == null || filters.created().to().isAfter(began)
                        ? new FolderQuery.TimeRange(filters.created().from(), began)
                        : filters.created();
        // Only the filters count: the walk pages by itself (FolderService.after), so limit, offset and sort are unused.
        this.query = new FolderQuery(
                filters.limit(),
                filters.offset(),
                created,
                filters.updated(),
                filters.folderId(),
                filters.userId(),
                filters.companyId(),
                filters.systemResolution(),
                filters.resolutionStatus(),
                filters.metaData(),
                filters.analysisType(),
                filters.reviewZone(),
                filters.sort(),
                true);
        this.buffer = header().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] into, int from, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, into, from, count);
        position += count;
        return count;
    }

    /** Whether bytes are waiting, reading the next page of folders when the last one is spent. */
    private boolean fill() {
        while (position == buffer.length) {
            if (exhausted) {
                return false;
            }
            List<FolderView> page = folders.after(caller, query, last, PAGE);
            exhausted = page.size() < PAGE;
            if (!page.isEmpty()) {
                last = page.getLast().folder();
            }
            StringBuilder rows = new StringBuilder();
            page.forEach(view -> rows.append(row(view)));
            buffer = rows.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }

    private String header() {
        List<String> names = new ArrayList<>(List.of(
                "folder_id",
                "time_created",
                "time_updated",
                "company_id",
                "user_id",
                "resolution_status",
                "system_resolution",
                "operator_status",
                "operator_comment",
                "analyses"));
        metaDataKeys.forEach(key -> names.add("meta_data." + key));
        names.add("meta_data");
        return line(names);
    }

    private String row(FolderView view) {
        Folder folder = view.folder();
        OperatorDecision decision = view.decision(null).orElse(null);
        List<String> cells = new ArrayList<>(List.of(
                folder.id().toString(),
                folder.timeCreated().toString(),
                folder.timeUpdated().toString(),
                folder.companyId().toString(),
                folder.userId().toString(),
                folder.resolutionStatus().name(),
                folder.systemResolution().name(),
                decision == null ? "" : decision.resolution().name(),
                decision == null ? "" : decision.comment(),
                view.analyses().stream().map(FolderCsv::verdict).collect(Collectors.joining(" "))));
        Map<String, Object> metaData = folder.metaData();
        for (String key : metaDataKeys) {
            Object value = metaData.get(key);
            cells.add(value == null ? "" : value instanceof String text ? text : json.write(value));
        }
        cells.add(json.write(metaData));
        return line(cells);
    }

    private static String verdict(Analysis analysis) {
        return analysis.type().name() + ":" + analysis.resolutionStatus().name();
    }

    private static String line(List<String> cells) {
        return cells.stream().map(FolderCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** A cell as RFC 4180 writes it, formulas neutralised first. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }
}
