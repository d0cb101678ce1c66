package argus.api.oz;

import argus.ArgusException;
import argus.ErrorCode;
import argus.api.ClientOrigin;
import argus.api.Refusals;
import argus.auth.Accounts;
import argus.auth.Caller;
import argus.auth.Permissions;
import argus.auth.Role;
import argus.auth.User;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/users/}: ADMIN manages every user, CLIENT ADMIN the client-side users of its company; everyone can read
 * and edit its own profile ({@code /api/users/me/}). Deleting a user deactivates it and revokes its tokens.
 */
@Tag(name = "Oz accounts")
@Refusals.Oz
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
    HttpResponse<List<AccountJson.UserJson>> listUsers(Caller caller, HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request);
        Paging paging = query.paging();
        return PageJson.of(
                accounts.users(caller, query.text("search_text"), paging.pageable()),
                paging,
                request,
                urls.base(request),
                this::json);
    }

    /** A user; the role as {@code user_type} (either spelling) or, as API ≤ 5.3 clients send it, CLIENT with flags. */
    @Post
    HttpResponse<AccountJson.UserJson> createUser(Caller caller, @Body AccountJson.UserRequest body) {
        Role role = body.role(null);
        if (body.email() == null || body.password() == null || role == null) {
            throw new ArgusException(ErrorCode.MISSING_FIELD, "email, password and user_type are required");
        }
        UUID company = body.companyId() == null ? caller.companyId() : body.companyId();
        Permissions permissions = body.permissions(Permissions.ALL);
        return HttpResponse.created(json(accounts.createUser(
                caller,
                company,
                new Accounts.NewUser(
                        body.email(),
                        body.password(),
                        role,
                        orEmpty(body.firstName()),
                        orEmpty(body.middleName()),
                        orEmpty(body.lastName()),
                        permissions == null ? Permissions.ALL : permissions,
                        body.metaData() == null ? Map.of() : body.metaData()))));
    }

    @Get("/me")
    AccountJson.UserJson getCurrentUser(Caller caller) {
        return json(accounts.user(caller, caller.userId()));
    }

    @Get("/{userId}")
    AccountJson.UserJson getUser(Caller caller, @PathVariable UUID userId) {
        return json(accounts.user(caller, userId));
    }

    /** A user changing its own password sends {@code current_password} as well. */
    @Patch("/{userId}")
    AccountJson.UserJson updateUser(
            Caller caller, @PathVariable UUID userId, @Body AccountJson.UserRequest body, HttpRequest<?> request) {
        if (body.email() != null || body.companyId() != null) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "the e-mail and company of a user cannot change");
        }
        User current = accounts.user(caller, userId);
        Role role = body.role(current.role());
        User updated = accounts.updateUser(
                caller,
                userId,
                new Accounts.UserChange(
                        body.password(),
                        body.currentPassword(),
                        role == current.role() ? null : role,
                        body.active(),
                        body.firstName(),
                        body.middleName(),
                        body.lastName(),
                        body.permissions(current.permissions())),
                origins.address(request));
        if (body.metaData() != null) {
            updated = accounts.updateUserMetaData(caller, userId, body.metaData());
        }
        return json(updated);
    }

    @Delete("/{userId}")
    HttpResponse<?> deactivateUser(Caller caller, @PathVariable UUID userId, HttpRequest<?> request) {
        accounts.updateUser(caller, userId, Accounts.UserChange.deactivation(), origins.address(request));
        return HttpResponse.noContent();
    }

    private AccountJson.UserJson json(User user) {
        return AccountJson.UserJson.of(user);
    }

    private static String orEmpty(@Nullable String text) {
        return text == null ? "" : text.trim();
    }
}
