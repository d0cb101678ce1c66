package argus.api.oz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import argus.ArgusException;
import argus.ErrorCode;
import argus.folder.FolderStatus;
import argus.folder.MetaDataMatch;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list endpoints' query parameters as Oz clients send them, read without a server. */
class ListQueryTest {
    private static ListQuery query(String parameters) {
        return ListQuery.of(HttpRequest.GET("/api/folders/?" + parameters));
    }

    private static ErrorCode refusal(Runnable read) {
        return assertThrows(ArgusException.class, read::run).code();
    }

    @Test
    void pagingDefaultsToOzsPageAndRefusesWhatIsNoPage() {
        assertEquals(new Paging(100, 0), query("").paging());
        assertEquals(new Paging(25, 50), query("limit=25&offset=50").paging());
        assertEquals(ErrorCode.INVALID_QUERY, refusal(() -> query("limit=0").paging()));
        assertEquals(ErrorCode.INVALID_QUERY, refusal(() -> query("offset=-1").paging()));
        assertEquals(ErrorCode.INVALID_QUERY, refusal(() -> query("limit=ten").paging()));
    }

    @Test
    void timesAreUnixSecondsOrMilliseconds() {
        var range = query("time_created.min=1700000000&time_created.max=1700000000123")
                .range("time_created");
        assertEquals(Instant.ofEpochSecond(1_700_000_000), range.from());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), range.to());
        assertEquals(
                Instant.ofEpochMilli(1_700_000_000_500L),
                query("time_created.min=1700000000.5").range("time_created").from());
        assertNull(query("").range("time_created").from());
        assertEquals(
                ErrorCode.INVALID_QUERY,
                refusal(() -> query("time_created.min=yesterday").range("time_created")));
    }

    @Test
    void enumValuesInAnyCase() {
        assertEquals(FolderStatus.FINISHED, query("status=finished").enumValue("status", FolderStatus.class));
        assertNull(query("").enumValue("status", FolderStatus.class));
        assertEquals(
                ErrorCode.INVALID_QUERY, refusal(() -> query("status=MAYBE").enumValue("status", FolderStatus.class)));
    }

    @Test
    void sortingNamesAFieldAndADirection() {
        Sort fallback = Sort.of(Sort.Order.asc("timeCreated"));
        assertEquals(fallback, query("").sort(fallback));
        assertEquals(
                Sort.of(Sort.Order.desc("timeUpdated")),
                query("sorting=-time_updated").sort(fallback));
        assertEquals(
                Sort.of(Sort.Order.desc("timeCreated")),
                query("sorting=time_created%7Bdesc%7D").sort(fallback));
        assertEquals(
                ErrorCode.INVALID_QUERY, refusal(() -> query("sorting=password").sort(fallback)));
    }

    @Test
    void metaDataConditionsInBothSpellings() {
        List<MetaDataMatch> matches = query("meta_data=iin%3D%3D123&meta_data=stage!%3Dtest&meta_data.partner=bank")
                .metaData();
        assertEquals(3, matches.size(), matches.toString());
        assertTrue(matches.contains(new MetaDataMatch("iin", "123", true)));
        assertTrue(matches.contains(new MetaDataMatch("stage", "test", false)));
        assertTrue(matches.contains(new MetaDataMatch("partner", "bank", true)));
        assertTrue(query("").metaData().isEmpty());
        assertEquals(
                ErrorCode.INVALID_QUERY,
                refusal(() -> query("meta_data=nothing").metaData()));
    }
}
