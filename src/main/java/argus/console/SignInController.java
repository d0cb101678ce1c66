package argus.console;

import argus.ArgusException;
import argus.api.ClientOrigin;
import argus.auth.Caller;
import argus.auth.LoginService;
import argus.auth.TokenService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/** Signing in to the console with Oz credentials, and out again (which revokes the sign-in's tokens). */
@Hidden
@Controller(ConsoleSession.PATH)
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SignInController {
    static final URI HOME = URI.create(ConsoleSession.PATH + "/folders");
    /** Hosts a browser treats as secure over plain HTTP. */
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final LoginService logins;
    private final TokenService tokens;
    private final ClientOrigin origins;

    SignInController(LoginService logins, TokenService tokens, ClientOrigin origins) {
        this.logins = logins;
        this.tokens = tokens;
        this.origins = origins;
    }

    @Serdeable
    record Credentials(@Nullable String email, @Nullable String password) {}

    @Get
    HttpResponse<?> home() {
        return HttpResponse.seeOther(HOME);
    }

    @Get("/sign-in")
    ModelAndView<Map<String, Object>> form(HttpRequest<?> request) {
        return page(request, "");
    }

    /**
     * The sign-in page; over plain HTTP to a host other than this machine it says that browsers will drop the
     * session cookie (it is {@code Secure}), instead of silently coming back to this page after every sign-in.
     */
    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, String error) {
        URI base = URI.create(origins.baseUrl(request).orElse("https://localhost"));
        boolean cookieDropped =
                "http".equals(base.getScheme()) && !LOOPBACK_NAMES.contains(String.valueOf(base.getHost()));
        return new ModelAndView<>("console/sign-in", Map.of("error", error, "needsHttps", cookieDropped));
    }

    @Post(uri = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signIn(@Body Credentials credentials, HttpRequest<?> request) {
        try {
            var pair = logins.login(
                    credentials.email() == null ? "" : credentials.email(),
                    credentials.password() == null ? "" : credentials.password(),
                    origins.address(request));
            return HttpResponse.seeOther(HOME).cookie(ConsoleSession.signedIn(pair.accessToken()));
        } catch (ArgusException refused) {
            return HttpResponse.status(refused.status()).body(page(request, refused.getMessage()));
        }
    }

    @Post(uri = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> signOut(Caller caller, @Body ConsoleSession.CsrfForm form, HttpRequest<?> request) {
        ConsoleSession.checkForm(request, form.csrf());
        tokens.revoke(caller.sessionId());
        return HttpResponse.seeOther(URI.create(ConsoleFilter.SIGN_IN)).cookie(ConsoleSession.signedOut());
    }
}
