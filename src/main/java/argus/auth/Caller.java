package argus.auth;

import argus.ArgusException;
import argus.ErrorCode;
import java.security.Principal;
import java.util.UUID;

/**
 * The authenticated user behind a request, and the checks on what it may reach. A {@link Principal}, so that the OpenAPI
 * document does not mistake a route's caller parameter for a request parameter.
 */
public record Caller(UUID userId, UUID companyId, String email, Role role, Permissions permissions, UUID sessionId)
        implements Principal {

    public static Caller of(User user, UUID sessionId) {
        return new Caller(user.id(), user.companyId(), user.email(), user.role(), user.permissions(), sessionId);
    }

    public static final String REQUEST_ATTRIBUTE = "argus.caller";

    /** The e-mail the caller signed in with. */
    @Override
    public String getName() {
        return email;
    }

    /** Whether an object of this company, created by this user, is visible to the caller. */
    public boolean sees(UUID objectCompanyId, UUID objectUserId) {
        return switch (role.scope()) {
            case ALL -> true;
            case COMPANY -> companyId.equals(objectCompanyId);
            case OWN -> companyId.equals(objectCompanyId) && userId.equals(objectUserId);
        };
    }

    public void require(boolean allowed, String action) {
        if (!allowed) {
            throw new ArgusException(
                    ErrorCode.PERMISSION_DENIED, "a %s user may not %s".formatted(role.wireName(), action));
        }
    }
}
