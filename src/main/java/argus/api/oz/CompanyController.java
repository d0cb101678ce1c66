package argus.api.oz;

import argus.api.Refusals;
import argus.auth.Accounts;
import argus.auth.Caller;
import argus.auth.Company;
import argus.auth.Role;
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
import java.util.UUID;

/** {@code /api/companies/}: tenants, managed by ADMIN; a client-side user sees its own company only. */
@Tag(name = "Oz accounts")
@Refusals.Oz
@Controller("/api/companies")
@ExecuteOn(TaskExecutors.BLOCKING)
class CompanyController {
    private final Accounts accounts;
    private final BaseUrls urls;

    CompanyController(Accounts accounts, BaseUrls urls) {
        this.accounts = accounts;
        this.urls = urls;
    }

    @Get
    HttpResponse<List<AccountJson.CompanyJson>> listCompanies(Caller caller, HttpRequest<?> request) {
        ListQuery query = ListQuery.of(request);
        Paging paging = query.paging();
        return PageJson.of(
                accounts.companies(caller, query.text("search_text"), paging.pageable()),
                paging,
                request,
                urls.base(request),
                company -> json(caller, company));
    }

    @Post
    HttpResponse<AccountJson.CompanyJson> createCompany(Caller caller, @Body AccountJson.CompanyRequest body) {
        return HttpResponse.created(json(caller, accounts.createCompany(caller, body.name())));
    }

    @Get("/{companyId}")
    AccountJson.CompanyJson getCompany(Caller caller, @PathVariable UUID companyId) {
        return json(caller, accounts.company(caller, companyId));
    }

    @Patch("/{companyId}")
    AccountJson.CompanyJson updateCompany(
            Caller caller, @PathVariable UUID companyId, @Body AccountJson.CompanyRequest body) {
        return json(caller, accounts.updateCompany(caller, companyId, body.name(), body.active()));
    }

    /**
     * Deactivates the company: its users can no longer sign in or use their tokens and its queued work is not run.
     * Its folders stay for audit and can be deleted one by one; nothing is erased by this call.
     */
    @Delete("/{companyId}")
    HttpResponse<?> deactivateCompany(Caller caller, @PathVariable UUID companyId) {
        accounts.updateCompany(caller, companyId, null, false);
        return HttpResponse.noContent();
    }

    /** The webhook secret is shown to ADMIN and to the company's own CLIENT ADMIN. */
    private AccountJson.CompanyJson json(Caller caller, Company company) {
        boolean manages = caller.role() == Role.ADMIN
                || caller.role() == Role.CLIENT_ADMIN && caller.companyId().equals(company.id());
        return AccountJson.CompanyJson.of(company, manages);
    }
}
