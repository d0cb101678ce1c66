package argus.auth;

import argus.ArgusException;
import argus.ErrorCode;
import argus.Timestamps;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Companies and users, with the role rules: only ADMIN manages companies; ADMIN manages every user, CLIENT ADMIN the
 * client-side users of its own company — both as they are and as a change would make them, so no staff account
 * (ADMIN, OPERATOR) is ever reachable by a client. Another company's company or user, and a staff account of its own
 * company, is "not found" to a client-side caller.
 */
@Singleton
public class Accounts {
    private final Timestamps timestamps;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}");
    private static final int MIN_PASSWORD = 8;

    private final CompanyRepository companies;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AttemptThrottle throttle;

    public Accounts(
            Timestamps timestamps,
            CompanyRepository companies,
            UserRepository users,
            PasswordHasher hasher,
            TokenService tokens,
            AttemptThrottle throttle) {
        this.timestamps = timestamps;
        this.companies = companies;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    static String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    // ---- companies

    /** The first company and its administrator, in one transaction: all or nothing. */
    @Transactional
    void createFirstAdministrator(String email, String password) {
        saveUser(saveCompany("Argus").id(), NewUser.administrator(email, password));
    }

    Company saveCompany(String name) {
        Instant now = timestamps.now();
        return companies.save(new Company(UUID.randomUUID(), name, true, randomSecret(32), Map.of(), now, now));
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
        return companies
                .findById(id)
                .filter(company ->
                        caller.role().scope() == Role.Scope.ALL || company.id().equals(caller.companyId()))
                .orElseThrow(() -> ArgusException.notFound("company " + id));
    }

    @Transactional
    public Company updateCompany(Caller caller, UUID id, @Nullable String name, @Nullable Boolean active) {
        caller.require(caller.role().managesCompanies(), "change companies");
        Company company = company(caller, id);
        return companies.update(new Company(
                company.id(),
                name == null ? company.name() : requireName(name),
                active == null ? company.active() : active,
                company.webhookSecret(),
                company.metaData(),
                company.timeCreated(),
                timestamps.now()));
    }

    // ---- users

    /** What a new user is given; names default to empty, permissions to all. */
    public record NewUser(
            String email,
            String password,
            Role role,
            String firstName,
            String middleName,
            String lastName,
            Permissions permissions,
            Map<String, Object> metaData) {

        static NewUser administrator(String email, String password) {
            return new NewUser(email, password, Role.ADMIN, "", "", "", Permissions.ALL, Map.of());
        }
    }

    User saveUser(UUID companyId, NewUser user) {
        Instant now = timestamps.now();
        Permissions permissions = user.permissions();
        return users.save(new User(
                UUID.randomUUID(),
                companyId,
                user.email(),
                hasher.hash(user.password()),
                user.role(),
                true,
                user.firstName(),
                user.middleName(),
                user.lastName(),
                permissions.quality(),
                permissions.biometry(),
                permissions.collection(),
                user.metaData(),
                now,
                now));
    }

    /**
     * E-mail addresses are sign-in names, unique across companies, so a taken one must be refused; the refusal does
     * not say where it is taken, and a client-side user finding many taken addresses is slowed down like a guesser.
     */
    @Transactional
    public User createUser(Caller caller, UUID companyId, NewUser user) {
        checkManages(caller, companyId, user.role());
        company(caller, companyId);
        String normalized = requireEmail(user.email());
        boolean staff = caller.role().scope() == Role.Scope.ALL;
        if (!staff) {
            throttle.check(AttemptThrottle.Limit.ACCOUNT_PROBES, caller.userId().toString());
        }
        if (users.findByEmail(normalized).isPresent()) {
            if (!staff) {
                throttle.failed(
                        AttemptThrottle.Limit.ACCOUNT_PROBES, caller.userId().toString());
            }
            throw new ArgusException(
                    ErrorCode.EMAIL_UNAVAILABLE, "this e-mail address cannot be used for a new account");
        }
        return saveUser(
                companyId,
                new NewUser(
                        normalized,
                        requirePassword(user.password()),
                        user.role(),
                        user.firstName(),
                        user.middleName(),
                        user.lastName(),
                        user.permissions(),
                        user.metaData()));
    }

    /**
     * A CLIENT SERVICE account for a partner backend, with a long-lived token pair issued at once: its secrets are
     * shown to the caller this one time (only their hashes are kept). The account's password is random and never shown.
     */
    public TokenService.TokenPair createServiceAccount(Caller caller, UUID companyId, String email) {
        User user = createUser(
                caller,
                companyId,
                new NewUser(email, randomSecret(32), Role.CLIENT_SERVICE, "", "", "", Permissions.ALL, Map.of()));
        return tokens.issue(user);
    }

    public Page<User> users(Caller caller, @Nullable String search, Pageable page) {
        caller.require(caller.role().managesUsers(), "list users");
        return caller.role().scope() == Role.Scope.ALL
                ? users.findByEmailIlike(like(search), page)
                : users.findByCompanyIdAndRoleInAndEmailIlike(
                        caller.companyId(), Role.clientRoles(), like(search), page);
    }

    /** A user the caller may see: itself, or any user it manages. */
    public User user(Caller caller, UUID id) {
        return users.findById(id)
                .filter(user -> user.id().equals(caller.userId()) || manages(caller, user.companyId(), user.role()))
                .orElseThrow(() -> ArgusException.notFound("user " + id));
    }

    /**
     * Applies a change to a user. Another user is changed only by one who manages it both as it is and as it would be;
     * a user changing its own password gives its current one, and ends its other sessions.
     */
    @Transactional
    public User updateUser(Caller caller, UUID id, UserChange change, String address) {
        User user = user(caller, id);
        boolean self = user.id().equals(caller.userId());
        if (!self) {
            checkManages(caller, user.companyId(), user.role());
        }
        if (change.role() != null) {
            checkManages(caller, user.companyId(), change.role());
        }
        caller.require(!self || change.active() == null || change.active(), "deactivate itself");
        if (self && change.password() != null) {
            checkCurrentPassword(user, change.currentPassword(), address);
        }
        if (change.active() != null && !change.active() || change.password() != null && !self) {
            tokens.revokeAll(user.id());
        } else if (change.password() != null) {
            tokens.revokeAllBut(user.id(), caller.sessionId());
        }
        Permissions permissions = user.permissions();
        if (change.permissions() != null && !change.permissions().equals(permissions)) {
            checkManages(caller, user.companyId(), user.role());
            permissions = change.permissions();
        }
        return users.update(new User(
                user.id(),
                user.companyId(),
                user.email(),
                change.password() == null ? user.passwordHash() : hasher.hash(requirePassword(change.password())),
                change.role() == null ? user.role() : change.role(),
                change.active() == null ? user.active() : change.active(),
                Objects.requireNonNullElse(change.firstName(), user.firstName()),
                Objects.requireNonNullElse(change.middleName(), user.middleName()),
                Objects.requireNonNullElse(change.lastName(), user.lastName()),
                permissions.quality(),
                permissions.biometry(),
                permissions.collection(),
                user.metaData(),
                user.timeCreated(),
                timestamps.now()));
    }

    /**
     * Fields of a user that a PATCH may change (null: unchanged); {@code currentPassword} proves a self-service change.
     * Permissions change only by one who manages the user, never by the user itself.
     */
    public record UserChange(
            @Nullable String password,
            @Nullable String currentPassword,
            @Nullable Role role,
            @Nullable Boolean active,
            @Nullable String firstName,
            @Nullable String middleName,
            @Nullable String lastName,
            @Nullable Permissions permissions) {

        public static UserChange deactivation() {
            return new UserChange(null, null, null, false, null, null, null, null);
        }
    }

    /** Replaces a user's metadata (the caller must see the user; changing another's needs managing it). */
    @Transactional
    public User updateUserMetaData(Caller caller, UUID id, Map<String, Object> metaData) {
        User user = user(caller, id);
        if (!user.id().equals(caller.userId())) {
            checkManages(caller, user.companyId(), user.role());
        }
        return users.update(user.withMetaData(metaData, timestamps.now()));
    }

    /** Replaces a company's metadata (ADMIN, or the company's own CLIENT ADMIN). */
    @Transactional
    public Company updateCompanyMetaData(Caller caller, UUID id, Map<String, Object> metaData) {
        Company company = company(caller, id);
        caller.require(
                caller.role() == Role.ADMIN || caller.role() == Role.CLIENT_ADMIN, "change the company's metadata");
        return companies.update(company.withMetaData(metaData, timestamps.now()));
    }

    /** A wrong current password counts as a failed sign-in: a stolen access token must not become a way to guess. */
    private void checkCurrentPassword(User user, @Nullable String currentPassword, String address) {
        if (currentPassword == null) {
            throw new ArgusException(
                    ErrorCode.INVALID_PAYLOAD, "current_password is required to change one's own password");
        }
        throttle.checkSignIn(user.email(), address);
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            throttle.signInFailed(user.email(), address);
            throw new ArgusException(ErrorCode.WRONG_PASSWORD, "current_password is not the account's password");
        }
    }

    private static boolean manages(Caller caller, UUID companyId, Role role) {
        return caller.role() == Role.ADMIN
                || caller.role() == Role.CLIENT_ADMIN && caller.companyId().equals(companyId) && role.clientSide();
    }

    private static void checkManages(Caller caller, UUID companyId, Role role) {
        caller.require(manages(caller, companyId, role), "manage %s users of this company".formatted(role.wireName()));
    }

    private static String like(@Nullable String search) {
        String text = search == null ? "" : search.trim();
        return "%" + text.replace("\\", "").replace("%", "").replace("_", "") + "%";
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "name must be 1 to 255 characters");
        }
        return name.trim();
    }

    private static String requireEmail(String email) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw new ArgusException(ErrorCode.INVALID_PAYLOAD, "email is not an e-mail address");
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String requirePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 256) {
            throw new ArgusException(
                    ErrorCode.INVALID_PAYLOAD, "password must be %d to 256 characters".formatted(MIN_PASSWORD));
        }
        return password;
    }
}
