package argus.api.oz;

import argus.ArgusException;
import argus.api.ClientOrigin;
import argus.auth.Caller;
import argus.auth.LoginService;
import argus.auth.TokenService;
import argus.auth.AuthFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code /api/authorize}: the Oz login (a token pair: the access token to send as X-Forensic-Access-Token and the
 * expire token to renew it), the renewal, and the logout that revokes the current pair.
 */
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
    AccountJson.TokenResponse login(@Body AccountJson.LoginRequest body, HttpRequest<?> request) {
        AccountJson.Credentials credentials = body.credentials();
        if (credentials == null || credentials.email() == null || credentials.password() == null) {
            throw ArgusException.badRequest("INVALID_PAYLOAD", "credentials.email and credentials.password are required");
        }
        return response(logins.login(credentials.email(), credentials.password(), origins.address(request)));
    }

    @Post("/refresh")
    AccountJson.TokenResponse refresh(@Header(AuthFilter.TOKEN_HEADER) @Nullable String accessToken,
                                      @Body AccountJson.RefreshRequest request) {
        if (request.expireToken() == null || request.expireToken().isBlank()) {
            throw ArgusException.badRequest("INVALID_PAYLOAD", "expire_token is required");
        }
        return response(tokens.refresh(accessToken, request.expireToken()));
    }

    @Post("/logout")
    HttpResponse<?> logout(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        tokens.revoke(caller.sessionId());
        return HttpResponse.noContent();
    }

    private static AccountJson.TokenResponse response(TokenService.TokenPair pair) {
        return new AccountJson.TokenResponse(pair.accessToken(), pair.expireToken(), OzTime.seconds(pair.accessExpiresAt()),
                AccountJson.UserJson.of(pair.user()));
    }
}
