package argus.folder;

import argus.OffsetPageable;
import argus.analysis.AnalysisState;
import argus.analysis.Resolution;
import argus.auth.Caller;
import argus.auth.Role;
import argus.jobs.AnalysisJob;
import argus.jobs.AnalysisJobRepository;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import io.micronaut.data.repository.jpa.criteria.QuerySpecification;
import jakarta.inject.Singleton;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Database access for folders. Every read is scoped to what the caller may see (another company's folder is as absent
 * as a missing one), and a folder and everything in it change in one transaction.
 */
@Singleton
public class FolderRecords {
    private static final Pattern JSON_SCALAR =
            Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?|true|false|null");
    private final FolderRepository folders;
    private final MediaRepository media;
    private final AnalysisRepository analyses;
    private final AnalysisJobRepository jobs;
    private final OperatorDecisionRepository decisions;
    private final ApplicationEventPublisher<FolderFinished> events;

    public FolderRecords(
            FolderRepository folders,
            MediaRepository media,
            AnalysisRepository analyses,
            AnalysisJobRepository jobs,
            OperatorDecisionRepository decisions,
            ApplicationEventPublisher<FolderFinished> events) {
        this.folders = folders;
        this.media = media;
        this.analyses = analyses;
        this.jobs = jobs;
        this.decisions = decisions;
        this.events = events;
    }

    // Media and analyses are saved a row at a time: their list-typed JSON columns cannot go through a batch save
    // (see JsonColumn).
    @Transactional
    public void insert(Folder folder, List<Media> mediaRows, List<Analysis> analysisRows) {
        folders.save(folder);
        mediaRows.forEach(media::save);
        analysisRows.forEach(analyses::save);
        if (!analysisRows.isEmpty() && folder.resolutionStatus() != FolderStatus.PROCESSING) {
            events.publishEvent(new FolderFinished(folder.id(), folder.companyId()));
        }
    }

    public Optional<Folder> folder(UUID folderId, Caller caller) {
        return folders.findById(folderId).filter(folder -> caller.sees(folder.companyId(), folder.userId()));
    }

    /** Keys are the sending user's own: another user's key, even in the same company, is never matched. */
    public Optional<Folder> byIdempotencyKey(UUID userId, String key) {
        return folders.findByUserIdAndIdempotencyKey(userId, key);
    }

    @Transactional
    public Optional<FolderView> find(UUID folderId, Caller caller) {
        return folder(folderId, caller).map(folder -> view(folder, true));
    }

    /** The folder with its media (uploaded and produced) and, when asked, its analyses. */
    @Transactional
    public FolderView view(Folder folder, boolean withAnalyses) {
        return views(List.of(folder), withAnalyses).getFirst();
    }

    /** Folders with their rows, in three queries whatever their number. */
    private List<FolderView> views(List<Folder> page, boolean withAnalyses) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = page.stream().map(Folder::id).toList();
        Map<UUID, List<Media>> mediaByFolder =
                media.findByFolderIdInOrderByTimeCreated(ids).stream().collect(Collectors.groupingBy(Media::folderId));
        Map<UUID, List<Analysis>> analysesByFolder = withAnalyses
                ? analyses.findByFolderIdInOrderByTimeCreated(ids).stream()
                        .collect(Collectors.groupingBy(Analysis::folderId))
                : Map.of();
        Map<UUID, List<OperatorDecision>> decisionsByFolder = decisions.findByFolderIdInOrderByTimeCreated(ids).stream()
                .collect(Collectors.groupingBy(OperatorDecision::folderId));
        return page.stream()
                .map(folder -> {
                    List<Media> all = mediaByFolder.getOrDefault(folder.id(), List.of());
                    return new FolderView(
                            folder,
                            all.stream()
                                    .filter(m -> m.sourceAnalysisId() == null)
                                    .toList(),
                            all.stream()
                                    .filter(m -> m.sourceAnalysisId() != null)
                                    .toList(),
                            analysesByFolder.getOrDefault(folder.id(), List.of()),
                            decisionsByFolder.getOrDefault(folder.id(), List.of()));
                })
                .toList();
    }

    public OperatorDecision decide(OperatorDecision decision) {
        return decisions.save(decision);
    }

    @Transactional
    public Page<FolderView> list(Caller caller, FolderQuery query) {
        Page<Folder> page = folders.findAll(
                specification(caller, query), new OffsetPageable(query.offset(), query.limit(), query.sort()));
        return Page.of(views(page.getContent(), query.withAnalyses()), page.getPageable(), page.getTotalSize());
    }

    /**
     * The next {@code size} folders the query finds after {@code after} (none: from the first), oldest first: a walk
     * over any number of folders that neither skips nor repeats one when others are added or deleted meanwhile.
     */
    @Transactional
    public List<FolderView> after(Caller caller, FolderQuery query, @Nullable Folder after, int size) {
        QuerySpecification<Folder> filters = specification(caller, query);
        QuerySpecification<Folder> next = (root, criteria, builder) -> {
            Predicate found = filters.toPredicate(root, criteria, builder);
            if (after == null) {
                return found;
            }
            Expression<Instant> time = root.get("timeCreated");
            Expression<UUID> id = root.get("id");
            // "not earlier, and later or a greater id": the first condition alone bounds an index range scan
            Predicate later = builder.and(
                    builder.greaterThanOrEqualTo(time, after.timeCreated()),
                    builder.or(builder.greaterThan(time, after.timeCreated()), builder.greaterThan(id, after.id())));
            return found == null ? later : builder.and(found, later);
        };
        // No count of what remains: counting for every page would make a long walk quadratic.
        Pageable first = Pageable.from(0, size, Sort.of(Sort.Order.asc("timeCreated"), Sort.Order.asc("id")))
                .withoutTotal();
        List<Folder> page = folders.findAll(next, first).getContent();
        return views(page, query.withAnalyses());
    }

    /** How many folders the query finds, whatever its paging. */
    public long count(Caller caller, FolderQuery query) {
        return folders.count(specification(caller, query));
    }

    @Transactional
    public Page<Analysis> listAnalyses(Caller caller, AnalysisQuery query) {
        PredicateSpecification<Analysis> specification = (root, builder) -> new Conditions(caller, root, builder)
                .equal("folderId", query.folderId())
                .equal("type", query.type())
                .within("timeCreated", query.created())
                .within("timeUpdated", query.updated())
                .all();
        return analyses.findAll(specification, new OffsetPageable(query.offset(), query.limit(), query.sort()));
    }

    private static QuerySpecification<Folder> specification(Caller caller, FolderQuery query) {
        return (root, criteria, builder) -> {
            Conditions conditions = new Conditions(caller, root, builder)
                    .equal("companyId", query.companyId())
                    .equal("userId", query.userId())
                    .equal("id", query.folderId())
                    .within("timeCreated", query.created())
                    .within("timeUpdated", query.updated())
                    .equal("systemResolution", query.systemResolution())
                    .equal("resolutionStatus", query.resolutionStatus());
            // The stored text of the metadata, not the map micronaut-data reads it as; COALESCE of one argument is
            // the identity that both H2 and PostgreSQL accept where a criteria cast is not supported.
            Expression<String> metaDataText = builder.function("COALESCE", String.class, root.get("metaData"));
            for (MetaDataMatch match : query.metaData()) {
                Predicate found = builder.or(metaDataPatterns(match.key(), match.value()).stream()
                        .map(pattern -> builder.like(metaDataText, pattern, '\\'))
                        .toArray(Predicate[]::new));
                conditions.add(match.equal() ? found : builder.not(found));
            }
            if (query.analysisType() != null) {
                conditions.add(root.get("id")
                        .in(analysedFolders(
                                criteria,
                                builder,
                                analysis -> builder.equal(analysis.get("type"), query.analysisType()))));
            }
            if (query.reviewZone() != null) {
                conditions.add(root.get("id")
                        .in(analysedFolders(
                                criteria, builder, analysis -> needsReview(analysis, builder, query.reviewZone()))));
                Subquery<UUID> decided = criteria.subquery(UUID.class);
                Root<OperatorDecision> decision = decided.from(OperatorDecision.class);
                decided.select(decision.get("folderId"));
                conditions.add(builder.not(root.get("id").in(decided)));
            }
            return conditions.all();
        };
    }

    /** The ids of folders with an analysis that meets the condition. */
    private static Subquery<UUID> analysedFolders(
            CriteriaQuery<?> criteria, CriteriaBuilder builder, Function<Root<Analysis>, Predicate> condition) {
        Subquery<UUID> folderIds = criteria.subquery(UUID.class);
        Root<Analysis> analysis = folderIds.from(Analysis.class);
        folderIds.select(analysis.get("folderId")).where(condition.apply(analysis));
        return folderIds;
    }

    /**
     * An analysis a person should look at: it failed, asks for an operator, or its score lies within {@code zone} of its
     * threshold on either side.
     */
    private static Predicate needsReview(Root<Analysis> analysis, CriteriaBuilder builder, double zone) {
        Expression<Double> score = analysis.get("score");
        Expression<Double> threshold = analysis.get("threshold");
        return builder.or(
                analysis.get("resolutionStatus").in(Resolution.FAILED, Resolution.OPERATOR_REQUIRED),
                builder.and(
                        builder.greaterThanOrEqualTo(score, builder.diff(threshold, zone)),
                        builder.lessThanOrEqualTo(score, builder.sum(threshold, zone))));
    }

    /** The conditions of a list query: what the caller's role lets it see, and each filter that was given. */
    private static final class Conditions {
        private final List<Predicate> all = new ArrayList<>();
        private final Root<?> root;
        private final CriteriaBuilder builder;

        Conditions(Caller caller, Root<?> root, CriteriaBuilder builder) {
            this.root = root;
            this.builder = builder;
            if (caller.role().scope() != Role.Scope.ALL) {
                equal("companyId", caller.companyId());
            }
            if (caller.role().scope() == Role.Scope.OWN) {
                equal("userId", caller.userId());
            }
        }

        Conditions equal(String field, @Nullable Object value) {
            return value == null ? this : add(builder.equal(root.get(field), value));
        }

        Conditions within(String field, FolderQuery.TimeRange range) {
            Expression<Instant> time = root.get(field);
            if (range.from() != null) {
                add(builder.greaterThanOrEqualTo(time, range.from()));
            }
            return range.to() == null ? this : add(builder.lessThanOrEqualTo(time, range.to()));
        }

        Conditions add(Predicate predicate) {
            all.add(predicate);
            return this;
        }

        /** Their conjunction; none at all for an unfiltered administrator (an empty one renders as "WHERE "). */
        @Nullable
        Predicate all() {
            return all.isEmpty() ? null : builder.and(all.toArray(new Predicate[0]));
        }
    }

    /**
     * Metadata is stored as compact JSON text, so a top-level field holding {@code value} shows as its exact JSON
     * spelling, looked for with LIKE (wildcards in the key or value escaped): {@code "key":"value"} for a string, and,
     * when the value reads as a JSON number or literal, {@code "key":value} followed by the end of that field.
     */
    static List<String> metaDataPatterns(String key, String value) {
        String field = "\"" + jsonEscaped(key) + "\":";
        List<String> spellings = new ArrayList<>(List.of(field + "\"" + jsonEscaped(value) + "\""));
        if (JSON_SCALAR.matcher(value).matches()) {
            spellings.add(field + value + ",");
            spellings.add(field + value + "}");
        }
        return spellings.stream()
                .map(spelling ->
                        "%" + spelling.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toList();
    }

    private static String jsonEscaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    public Optional<Media> findMedia(UUID folderId, UUID mediaId, Caller caller) {
        return folder(folderId, caller)
                .flatMap(folder ->
                        media.findById(mediaId).filter(m -> m.folderId().equals(folder.id())));
    }

    public Optional<Media> findMedia(UUID mediaId, Caller caller) {
        return media.findById(mediaId).filter(m -> folder(m.folderId(), caller).isPresent());
    }

    /** Deletes one media row; returns its stored keys. */
    @Transactional
    public List<String> deleteMedia(Media row) {
        media.delete(row);
        return storedKeys(row);
    }

    public Optional<Analysis> findAnalysis(UUID analysisId, Caller caller) {
        return analyses.findById(analysisId)
                .filter(analysis -> folder(analysis.folderId(), caller).isPresent());
    }

    public List<Analysis> analysesOf(UUID folderId) {
        return analyses.findByFolderIdOrderByTimeCreated(folderId);
    }

    public List<Media> mediaOf(UUID folderId) {
        return media.findByFolderIdOrderByTimeCreated(folderId);
    }

    @Transactional
    public void addMedia(Folder folder, List<Media> rows, Instant time) {
        rows.forEach(media::save);
        folders.update(folder.withStatus(folder.resolutionStatus(), folder.systemResolution(), time));
    }

    /** Records analyses to run and their job, and marks the folder as processing. */
    @Transactional
    public void queue(Folder folder, List<Analysis> rows, AnalysisJob job) {
        rows.forEach(analyses::save);
        jobs.save(job);
        folders.update(folder.withStatus(FolderStatus.PROCESSING, Resolution.PROCESSING, job.timeCreated()));
    }

    /**
     * Records the outcome of a job's analyses. When no analysis of the folder is running any more, the folder takes
     * the verdict of this last group and {@link FolderFinished} is published.
     */
    @Transactional
    public void complete(UUID folderId, List<Analysis> finished, List<Media> outputs, Instant time) {
        finished.forEach(analyses::update);
        outputs.forEach(media::save);
        Folder folder = folders.findById(folderId).orElseThrow();
        if (analyses.countByFolderIdAndState(folderId, AnalysisState.PROCESSING) > 0) {
            folders.update(folder.withStatus(FolderStatus.PROCESSING, Resolution.PROCESSING, time));
            return;
        }
        folders.update(folder.withStatus(
                status(finished),
                Resolution.consolidate(
                        finished.stream().map(Analysis::resolutionStatus).toList()),
                time));
        events.publishEvent(new FolderFinished(folderId, folder.companyId()));
    }

    /** FINISHED when the system ran every analysis, FAILED when one of them failed to run. */
    static FolderStatus status(List<Analysis> group) {
        if (group.isEmpty()) {
            return FolderStatus.INITIAL;
        }
        return group.stream().anyMatch(a -> a.state() == AnalysisState.FAILED)
                ? FolderStatus.FAILED
                : FolderStatus.FINISHED;
    }

    @Transactional
    public Folder updateFolder(Folder folder) {
        return folders.update(folder);
    }

    @Transactional
    public Media updateMedia(Media row) {
        return media.update(row);
    }

    @Transactional
    public Analysis updateAnalysis(Analysis row) {
        return analyses.update(row);
    }

    /** Deletes the folder and, by cascade, its media, analyses, jobs and webhook deliveries; returns its stored keys. */
    @Transactional
    public List<String> delete(Folder folder) {
        List<String> keys = new ArrayList<>();
        for (Media row : media.findByFolderIdOrderByTimeCreated(folder.id())) {
            keys.addAll(storedKeys(row));
        }
        folders.delete(folder);
        return keys;
    }

    /** The analyses of one job, oldest first. */
    public List<Analysis> group(UUID groupId) {
        return analyses.findByGroupIdOrderByTimeCreated(groupId).stream()
                .sorted(Comparator.comparing(Analysis::timeCreated))
                .toList();
    }

    public Optional<Folder> folderById(UUID folderId) {
        return folders.findById(folderId);
    }

    public Optional<Media> mediaById(@Nullable UUID id) {
        return id == null ? Optional.empty() : media.findById(id);
    }

    private static List<String> storedKeys(Media row) {
        List<String> keys = new ArrayList<>();
        if (!row.storageKey().isEmpty()) {
            keys.add(row.storageKey());
        }
        if (row.thumbKey() != null && !row.thumbKey().equals(row.storageKey())) {
            keys.add(row.thumbKey());
        }
        return keys;
    }
}
