package argus.auth;

import java.util.UUID;

/** The authenticated user behind a request. */
public record Caller(UUID userId, UUID companyId, String email, Role role) {

    public static final String REQUEST_ATTRIBUTE = "argus.caller";
}
