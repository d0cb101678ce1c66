package argus.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Failed attempts counted under one key, the time before which further attempts are refused, the last success. */
@MappedEntity(value = "login_throttle", escape = false)
record ThrottleEntry(
        @Id String throttleKey,
        int failures,
        @Nullable Instant blockedUntil,
        @Nullable Instant lastFailure,
        @Nullable Instant lastSuccess) {}
