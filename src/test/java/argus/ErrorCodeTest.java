package argus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table of reasons, row by row: each answered with a refusal's status and the Oz number its status allows. */
class ErrorCodeTest {
    /** The Oz numbers each HTTP status may carry, from the Oz error table. */
    private static final Map<Integer, Set<ErrorCode.Oz>> OZ_BY_STATUS = Map.ofEntries(
            Map.entry(
                    400,
                    EnumSet.of(ErrorCode.Oz.INVALID_STRUCTURE, ErrorCode.Oz.INVALID_VALUE, ErrorCode.Oz.INVALID_TYPE)),
            Map.entry(
                    401,
                    EnumSet.of(ErrorCode.Oz.AUTH_NOT_PROVIDED, ErrorCode.Oz.AUTH_INVALID, ErrorCode.Oz.AUTH_EXPIRED)),
            Map.entry(402, EnumSet.of(ErrorCode.Oz.INVALID_VALUE)),
            Map.entry(403, EnumSet.of(ErrorCode.Oz.AUTH_FORBIDDEN)),
            Map.entry(404, EnumSet.of(ErrorCode.Oz.NOT_EXIST)),
            Map.entry(405, EnumSet.of(ErrorCode.Oz.NOT_ALLOWED)),
            Map.entry(406, EnumSet.of(ErrorCode.Oz.INVALID_VALUE)),
            Map.entry(408, EnumSet.of(ErrorCode.Oz.INVALID_VALUE)),
            Map.entry(409, EnumSet.of(ErrorCode.Oz.INVALID_VALUE)),
            Map.entry(413, EnumSet.of(ErrorCode.Oz.INVALID_VALUE)),
            Map.entry(415, EnumSet.of(ErrorCode.Oz.INVALID_TYPE)),
            Map.entry(422, EnumSet.of(ErrorCode.Oz.INVALID_VALUE, ErrorCode.Oz.EXTERNAL_SERVICE)),
            Map.entry(429, EnumSet.of(ErrorCode.Oz.AUTH_FORBIDDEN, ErrorCode.Oz.EXTERNAL_SERVICE)),
            Map.entry(500, EnumSet.of(ErrorCode.Oz.UNKNOWN)),
            Map.entry(501, EnumSet.of(ErrorCode.Oz.NOT_REALIZED)),
            Map.entry(503, EnumSet.of(ErrorCode.Oz.EXTERNAL_SERVICE)),
            Map.entry(507, EnumSet.of(ErrorCode.Oz.EXTERNAL_SERVICE)));

    @Test
    void everyRowHasARefusalStatusAndAnOzNumberThatStatusAllows() {
        for (ErrorCode code : ErrorCode.values()) {
            int status = code.status().getCode();
            assertTrue(status >= 400, code + " is answered with " + status);
            Set<ErrorCode.Oz> allowed = OZ_BY_STATUS.get(status);
            assertTrue(
                    allowed != null && allowed.contains(code.oz()),
                    code + ": Oz " + code.oz() + " under HTTP " + status);
        }
    }

    @Test
    void ozNumbersAreTheOzTable() {
        assertEquals(0, ErrorCode.Oz.UNKNOWN.number());
        assertEquals(3, ErrorCode.Oz.INVALID_STRUCTURE.number());
        assertEquals(4, ErrorCode.Oz.INVALID_VALUE.number());
        assertEquals(6, ErrorCode.Oz.AUTH_NOT_PROVIDED.number());
        assertEquals(9, ErrorCode.Oz.AUTH_FORBIDDEN.number());
        assertEquals(10, ErrorCode.Oz.NOT_EXIST.number());
        assertEquals(11, ErrorCode.Oz.EXTERNAL_SERVICE.number());
        assertEquals(12, ErrorCode.Oz.values().length);
    }

    @Test
    void everyRowIsFoundByItsReason() {
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(code, ErrorCode.ofReason(code.name()).orElseThrow());
            assertEquals(code.name().toLowerCase(), code.lowerCaseName());
        }
        assertTrue(ErrorCode.ofReason("NO_SUCH_REASON").isEmpty());
    }

    @Test
    void aStatusTheFrameworkRaisesHasARowOfThatStatus() {
        for (HttpStatus status : EnumSet.of(
                HttpStatus.BAD_REQUEST,
                HttpStatus.UNAUTHORIZED,
                HttpStatus.FORBIDDEN,
                HttpStatus.NOT_FOUND,
                HttpStatus.METHOD_NOT_ALLOWED,
                HttpStatus.NOT_ACCEPTABLE,
                HttpStatus.REQUEST_TIMEOUT,
                HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                HttpStatus.TOO_MANY_REQUESTS,
                HttpStatus.NOT_IMPLEMENTED,
                HttpStatus.SERVICE_UNAVAILABLE,
                HttpStatus.INSUFFICIENT_STORAGE,
                HttpStatus.INTERNAL_SERVER_ERROR)) {
            assertEquals(status, ErrorCode.ofStatus(status).status(), status.name());
        }
        assertEquals(ErrorCode.INTERNAL_ERROR, ErrorCode.ofStatus(HttpStatus.BAD_GATEWAY));
        assertEquals(ErrorCode.INVALID_VALUE, ErrorCode.ofStatus(HttpStatus.GONE));
    }
}
