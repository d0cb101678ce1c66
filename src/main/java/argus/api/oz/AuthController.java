package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.api.ClientOrigin;
import argus.api.Refusals;
import argus.auth.AuthFilter;
import argus.auth.Caller;
import argus.auth.LoginService;
import argus.auth.TokenService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/authorize}: the Oz login (a token pair: the access token to send as X-Forensic-Access-Token and the
 * expire token to renew it), the renewal, and the logout that revokes the current pair.
 */
@Tag(name = "Oz accounts")
@Refusals.Oz
@Controller("/api/authorize")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {
    private final LoginService logins;
    private final TokenService tokens;
    private final ClientOrigin origins;

    AuthController(LoginService logins, TokenService tokens, ClientOrigin origins) {
        this.logins = logins;
        this.tokens = tokens;
        this.origins = origins;
    }

    @Post("/auth")
    @SecurityRequirements
    AccountJson.TokenResponse signIn(@Body AccountJson.LoginRequest body, HttpRequest<?> request) {
        AccountJson.Credentials credentials = body.credentials();
        if (credentials == null || credentials.email() == null || credentials.password() == null) {
            throw new ArgusException(
                    ErrorCode.MISSING_FIELD, "credentials.email and credentials.password are required");
        }
        return response(logins.login(credentials.email(), credentials.password(), origins.address(request)));
    }

    @Post("/refresh")
    @SecurityRequirements
    AccountJson.TokenResponse refreshSession(@Body AccountJson.RefreshRequest body, HttpRequest<?> request) {
        if (body.expireToken() == null || body.expireToken().isBlank()) {
            throw new ArgusException(ErrorCode.MISSING_FIELD, "expire_token is required");
        }
        return response(tokens.refresh(AuthFilter.token(request), body.expireToken()));
    }

    @Post("/logout")
    HttpResponse<?> signOut(Caller caller) {
        tokens.revoke(caller.sessionId());
        return HttpResponse.noContent();
    }

    private AccountJson.TokenResponse response(TokenService.TokenPair pair) {
        return new AccountJson.TokenResponse(
                pair.accessToken(),
                pair.expireToken(),
                OzTime.seconds(pair.accessExpiresAt()),
                AccountJson.UserJson.of(pair.user()));
    }
}
