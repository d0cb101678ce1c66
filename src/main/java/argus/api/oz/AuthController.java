package argus.api.oz;

import argus.ArgusException;
import argus.auth.LoginService;
import argus.auth.Role;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** {@code POST /api/authorize/auth}: the Oz login, answering the access token to send as X-Forensic-Access-Token. */
@Controller("/api/authorize")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {
    private final LoginService logins;

    AuthController(LoginService logins) {
        this.logins = logins;
    }

    @Post("/auth")
    AuthJson.LoginResponse login(@Body AuthJson.LoginRequest request) {
        AuthJson.Credentials credentials = request.credentials();
        if (credentials == null || credentials.email() == null || credentials.password() == null) {
            throw ArgusException.badRequest("INVALID_PAYLOAD", "credentials.email and credentials.password are required");
        }
        LoginService.Login login = logins.login(credentials.email(), credentials.password());
        return new AuthJson.LoginResponse(login.token().token(), OzTime.seconds(login.token().expiresAt()),
                new AuthJson.UserJson(login.user().id(), login.user().companyId(), login.user().email(), userType(login.user().role())));
    }

    /** Oz spells the roles with spaces ("CLIENT ADMIN"). */
    static String userType(Role role) {
        return role.name().replace('_', ' ');
    }
}
