package argus.console;

import argus.ArgusException;
import argus.ErrorCode;
import argus.evidence.FolderCards;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.serde.annotation.Serdeable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A console sign-in is an Oz access token kept in an HttpOnly, Secure, SameSite=Strict cookie, never in a URL or a
 * page. Forms carry a CSRF token derived from that access token (an HMAC under it), so every instance can check it
 * without shared state and a page of another site can neither read nor forge it.
 */
final class ConsoleSession {
    static final String COOKIE = "argus_console";
    static final String CSRF_ATTRIBUTE = "argus.console.csrf";
    static final String PATH = FolderCards.CONSOLE;
    private static final byte[] CSRF_PURPOSE = "argus console form".getBytes(StandardCharsets.UTF_8);

    private ConsoleSession() {}

    /** A form that carries nothing but its CSRF token (a button that removes or signs out). */
    @Serdeable
    record CsrfForm(@Nullable String csrf) {}

    static @Nullable String token(HttpRequest<?> request) {
        return request.getCookies()
                .findCookie(COOKIE)
                .map(Cookie::getValue)
                .filter(v -> !v.isBlank())
                .orElse(null);
    }

    /** A browser-session cookie: the token's own expiry is enforced by the server. */
    static Cookie signedIn(String accessToken) {
        return cookie(accessToken);
    }

    static Cookie signedOut() {
        return cookie("").maxAge(0);
    }

    private static Cookie cookie(String value) {
        return Cookie.of(COOKIE, value).path(PATH).httpOnly(true).secure(true).sameSite(SameSite.Strict);
    }

    static String csrf(String accessToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accessToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(CSRF_PURPOSE));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Refuses a form whose CSRF token is missing or not the one of this sign-in. */
    static void checkForm(HttpRequest<?> request, @Nullable String submitted) {
        String expected = request.getAttribute(CSRF_ATTRIBUTE, String.class).orElse("");
        if (submitted == null
                || expected.isEmpty()
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new ArgusException(
                    ErrorCode.CSRF_REFUSED, "the form is stale or was not sent from the console; reload the page");
        }
    }
}
