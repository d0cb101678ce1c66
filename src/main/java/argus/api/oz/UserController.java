package argus.api.oz;

import argus.ArgusException;
import argus.api.ClientOrigin;
import argus.auth.Accounts;
import argus.auth.Caller;
import argus.auth.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;
import java.util.UUID;

/**
 * {@code /api/users/}: ADMIN manages every user, CLIENT ADMIN the client-side users of its company; everyone can read
 * and edit its own profile ({@code /api/users/me/}). Deleting a user deactivates it and revokes its tokens.
 */
@Controller("/api/users")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserController {
    private final Accounts accounts;
    private final BaseUrls urls;

    private final ClientOrigin origins;

    UserController(Accounts accounts, BaseUrls urls, ClientOrigin origins) {
        this.accounts = accounts;
        this.urls = urls;
        this.origins = origins;
    }

    @Get
    HttpResponse<List<AccountJson.UserJson>> list(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request);
        Paging paging = query.paging();
        return PageJson.of(accounts.users(caller, query.text("search_text"), paging.pageable()), paging, request,
                urls.base(request), AccountJson.UserJson::of);
    }

    @Post
    HttpResponse<AccountJson.UserJson> create(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                                              @Body AccountJson.UserRequest body) {
        if (body.email() == null || body.password() == null || body.userType() == null) {
            throw ArgusException.badRequest("INVALID_PAYLOAD", "email, password and user_type are required");
        }
        UUID company = body.companyId() == null ? caller.companyId() : body.companyId();
        return HttpResponse.created(AccountJson.UserJson.of(accounts.createUser(caller, company, body.email(), body.password(),
                Role.parse(body.userType()), orEmpty(body.firstName()), orEmpty(body.lastName()))));
    }

    @Get("/me")
    AccountJson.UserJson me(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller) {
        return AccountJson.UserJson.of(accounts.user(caller, caller.userId()));
    }

    @Get("/{userId}")
    AccountJson.UserJson get(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID userId) {
        return AccountJson.UserJson.of(accounts.user(caller, userId));
    }

    /** A user changing its own password sends {@code current_password} as well. */
    @Patch("/{userId}")
    AccountJson.UserJson update(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID userId,
                                @Body AccountJson.UserRequest body, HttpRequest<?> request) {
        if (body.email() != null || body.companyId() != null) {
            throw ArgusException.badRequest("INVALID_PAYLOAD", "the e-mail and company of a user cannot change");
        }
        return AccountJson.UserJson.of(accounts.updateUser(caller, userId, new Accounts.UserChange(body.password(), body.currentPassword(),
                body.userType() == null ? null : Role.parse(body.userType()), body.active(), body.firstName(), body.lastName()),
                origins.address(request)));
    }

    @Delete("/{userId}")
    HttpResponse<?> deactivate(@RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller, @PathVariable UUID userId, HttpRequest<?> request) {
        accounts.updateUser(caller, userId, Accounts.UserChange.deactivation(), origins.address(request));
        return HttpResponse.noContent();
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text.trim();
    }
}
