package argus.console;

import argus.api.ClientOrigin;
import argus.auth.Accounts;
import argus.auth.Caller;
import argus.auth.Permissions;
import argus.auth.Role;
import argus.auth.TokenService;
import argus.evidence.FolderCards;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Companies and users, for the roles that manage them (ADMIN everything, CLIENT ADMIN its company's users). A service
 * account's token pair is shown once, on the page that answers its creation, and never again.
 */
@Hidden
@Controller(ConsoleSession.PATH + "/accounts")
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountPages {
    private static final int SHOWN = 200;
    private static final int USERS_PER_PAGE = 50;
    private static final int MAX_PAGE = 100_000;
    private static final URI PAGE = URI.create(ConsoleSession.PATH + "/accounts");

    private final Accounts accounts;
    private final ClientOrigin origins;

    AccountPages(Accounts accounts, ClientOrigin origins) {
        this.accounts = accounts;
        this.origins = origins;
    }

    record CompanyRow(String id, String name, boolean active) {}

    record UserRow(String id, String email, String role, String company, boolean active, String created) {}

    record IssuedToken(String email, String accessToken, String expireToken, String expires) {}

    @Get
    ModelAndView<Map<String, Object>> page(
            Caller caller,
            HttpRequest<?> request,
            @QueryValue(defaultValue = "") String search,
            @QueryValue(defaultValue = "0") int page) {
        return render(caller, request, search, page, null);
    }

    /** The users matching {@code search} (part of an e-mail), a page at a time, and the companies. */
    private ModelAndView<Map<String, Object>> render(
            Caller caller, HttpRequest<?> request, String search, int page, @Nullable IssuedToken issued) {
        var found = accounts.users(
                caller,
                search.isBlank() ? null : search.strip(),
                Pageable.from(Math.clamp(page, 0, MAX_PAGE), USERS_PER_PAGE));
        List<UserRow> users = found.getContent().stream()
                .map(u -> new UserRow(
                        u.id().toString(),
                        u.email(),
                        u.role().wireName(),
                        u.companyId().toString(),
                        u.active(),
                        FolderCards.time(u.timeCreated())))
                .toList();
        List<CompanyRow> companies = caller.role().managesCompanies()
                ? accounts.companies(caller, null, Pageable.from(0, SHOWN)).getContent().stream()
                        .map(c -> new CompanyRow(c.id().toString(), c.name(), c.active()))
                        .toList()
                : List.of(new CompanyRow(
                        caller.companyId().toString(),
                        accounts.company(caller, caller.companyId()).name(),
                        true));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", "Accounts");
        model.put("users", users);
        model.put("search", search);
        model.put("page", found.getPageNumber());
        model.put("pages", Math.max(1, found.getTotalPages()));
        model.put("query", search.isBlank() ? "" : "search=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
        model.put("companies", companies);
        model.put("managesCompanies", caller.role().managesCompanies());
        model.put(
                "roles",
                (caller.role().managesCompanies() ? List.of(Role.values()) : Role.clientRoles())
                        .stream().map(Role::wireName).toList());
        model.put("issued", issued);
        return ConsolePage.of(request, "accounts", model);
    }

    @Serdeable
    record CompanyForm(@Nullable String csrf, @Nullable String name) {}

    @Post(uri = "/companies", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createCompany(Caller caller, HttpRequest<?> request, @Body CompanyForm form) {
        ConsoleSession.checkForm(request, form.csrf());
        accounts.createCompany(caller, form.name() == null ? "" : form.name());
        return HttpResponse.seeOther(PAGE);
    }

    @Serdeable
    record UserForm(
            @Nullable String csrf,
            @Nullable String email,
            @Nullable String password,
            @Nullable String role,
            @Nullable String company) {}

    @Post(uri = "/users", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> createUser(Caller caller, HttpRequest<?> request, @Body UserForm form) {
        ConsoleSession.checkForm(request, form.csrf());
        accounts.createUser(
                caller,
                company(caller, form.company()),
                new Accounts.NewUser(
                        text(form.email()),
                        text(form.password()),
                        Role.parse(text(form.role())),
                        "",
                        "",
                        "",
                        Permissions.ALL,
                        Map.of()));
        return HttpResponse.seeOther(PAGE);
    }

    @Serdeable
    record ServiceForm(
            @Nullable String csrf,
            @Nullable String email,
            @Nullable String company) {}

    /** Answered with the page itself, the new token on it: reloading it does not show the token again. */
    @Post(uri = "/service", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    ModelAndView<Map<String, Object>> createService(Caller caller, HttpRequest<?> request, @Body ServiceForm form) {
        ConsoleSession.checkForm(request, form.csrf());
        TokenService.TokenPair pair =
                accounts.createServiceAccount(caller, company(caller, form.company()), text(form.email()));
        return render(
                caller,
                request,
                "",
                0,
                new IssuedToken(
                        pair.user().email(),
                        pair.accessToken(),
                        pair.expireToken(),
                        FolderCards.time(pair.accessExpiresAt())));
    }

    @Post(uri = "/users/{userId}/deactivate", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> deactivate(
            Caller caller, HttpRequest<?> request, @PathVariable UUID userId, @Body ConsoleSession.CsrfForm form) {
        ConsoleSession.checkForm(request, form.csrf());
        accounts.updateUser(caller, userId, Accounts.UserChange.deactivation(), origins.address(request));
        return HttpResponse.seeOther(PAGE);
    }

    private static UUID company(Caller caller, @Nullable String company) {
        return company == null || company.isBlank() ? caller.companyId() : FolderPages.uuid(company, "company");
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
