package argus.auth;

import argus.ArgusException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Companies and users, with the role rules: only ADMIN manages companies; ADMIN manages every user, CLIENT ADMIN the
 * client-side users of its own company. Another company's company or user is "not found" to a client-side caller.
 */
@Singleton
public class Accounts {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final int MIN_PASSWORD = 8;

    private final CompanyRepository companies;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;

    public Accounts(CompanyRepository companies, UserRepository users, PasswordHasher hasher, TokenService tokens) {
        this.companies = companies;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    static String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- companies

    Company saveCompany(String name) {
        Instant now = now();
        return companies.save(new Company(UUID.randomUUID(), name, true, randomSecret(32), now, now));
    }

    @Transactional
    public Company createCompany(Caller caller, String name) {
        caller.require(caller.role().managesCompanies(), "create companies");
        return saveCompany(requireName(name));
    }

    public Page<Company> companies(Caller caller, @Nullable String search, Pageable page) {
        caller.require(caller.role().managesCompanies() || caller.role() == Role.OPERATOR, "list companies");
        return companies.findByNameIlike(like(search), page);
    }

    public Company company(Caller caller, UUID id) {
        return companies.findById(id)
                .filter(company -> caller.role().scope() == Role.Scope.ALL || company.id().equals(caller.companyId()))
                .orElseThrow(() -> ArgusException.notFound("company " + id));
    }

    @Transactional
    public Company updateCompany(Caller caller, UUID id, @Nullable String name, @Nullable Boolean active) {
        caller.require(caller.role().managesCompanies(), "change companies");
        Company company = company(caller, id);
        return companies.update(new Company(company.id(), name == null ? company.name() : requireName(name),
                active == null ? company.active() : active, company.webhookSecret(), company.timeCreated(), now()));
    }

    // ---- users

    User saveUser(UUID companyId, String email, String password, Role role, String firstName, String lastName) {
        Instant now = now();
        return users.save(new User(UUID.randomUUID(), companyId, email, hasher.hash(password), role, true, firstName, lastName, now, now));
    }

    @Transactional
    public User createUser(Caller caller, UUID companyId, String email, String password, Role role, String firstName, String lastName) {
        checkManages(caller, companyId, role);
        company(caller, companyId);
        String normalized = requireEmail(email);
        if (users.findByEmail(normalized).isPresent()) {
            throw new ArgusException(HttpStatus.CONFLICT, "EMAIL_TAKEN", "a user with this e-mail exists");
        }
        return saveUser(companyId, normalized, requirePassword(password), role, firstName, lastName);
    }

    public Page<User> users(Caller caller, @Nullable String search, Pageable page) {
        caller.require(caller.role().managesUsers(), "list users");
        return caller.role().scope() == Role.Scope.ALL
                ? users.findByEmailIlike(like(search), page)
                : users.findByCompanyIdAndEmailIlike(caller.companyId(), like(search), page);
    }

    /** A user the caller may see: itself, or any user it manages. */
    public User user(Caller caller, UUID id) {
        return users.findById(id)
                .filter(user -> user.id().equals(caller.userId())
                        || caller.role() == Role.ADMIN
                        || caller.role() == Role.CLIENT_ADMIN && user.companyId().equals(caller.companyId()))
                .orElseThrow(() -> ArgusException.notFound("user " + id));
    }

    @Transactional
    public User updateUser(Caller caller, UUID id, UserChange change) {
        User user = user(caller, id);
        boolean self = user.id().equals(caller.userId());
        if (!self || change.role() != null || change.active() != null) {
            checkManages(caller, user.companyId(), change.role() == null ? user.role() : change.role());
        }
        if (change.active() != null && !change.active() || change.password() != null) {
            tokens.revokeAll(user.id());
        }
        return users.update(new User(user.id(), user.companyId(), user.email(),
                change.password() == null ? user.passwordHash() : hasher.hash(requirePassword(change.password())),
                change.role() == null ? user.role() : change.role(),
                change.active() == null ? user.active() : change.active(),
                change.firstName() == null ? user.firstName() : change.firstName(),
                change.lastName() == null ? user.lastName() : change.lastName(),
                user.timeCreated(), now()));
    }

    /** Fields of a user that a PATCH may change (null: unchanged). */
    public record UserChange(@Nullable String password, @Nullable Role role, @Nullable Boolean active,
                             @Nullable String firstName, @Nullable String lastName) {
    }

    private static void checkManages(Caller caller, UUID companyId, Role role) {
        boolean allowed = caller.role() == Role.ADMIN
                || caller.role() == Role.CLIENT_ADMIN && caller.companyId().equals(companyId) && role.clientSide();
        caller.require(allowed, "manage %s users of this company".formatted(role.wireName()));
    }

    private static String like(@Nullable String search) {
        String text = search == null ? "" : search.trim();
        return "%" + text.replace("\\", "").replace("%", "").replace("_", "") + "%";
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw ArgusException.badRequest("INVALID_PAYLOAD", "name must be 1 to 255 characters");
        }
        return name.trim();
    }

    private static String requireEmail(String email) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw ArgusException.badRequest("INVALID_PAYLOAD", "email is not an e-mail address");
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 256) {
            throw ArgusException.badRequest("INVALID_PAYLOAD", "password must be %d to 256 characters".formatted(MIN_PASSWORD));
        }
        return password;
    }
}
