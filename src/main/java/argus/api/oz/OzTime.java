package argus.api.oz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** Oz times: Unix epoch seconds with microseconds, written as a plain decimal number (1744017549.366616). */
final class OzTime {
    private OzTime() {}

    static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano() / 1000, 6))
                .setScale(6, RoundingMode.DOWN);
    }
}
