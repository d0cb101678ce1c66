package argus.auth;

import argus.ArgusException;
import argus.EnumNames;
import argus.ErrorCode;
import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Oz user roles and what each may do.
 *
 * <pre>
 * role             folders it sees   creates folders/analyses  deletes  manages users       manages companies
 * ADMIN            every company     yes                       yes      every company       yes
 * OPERATOR         every company     no (reviews, edits meta)  no       no                  no
 * CLIENT           its own           yes                       no       no                  no
 * CLIENT ADMIN     its company's     yes                       yes      its company's       no
 * CLIENT OPERATOR  its company's     no (reviews, edits meta)  no       no                  no
 * CLIENT SERVICE   its company's     yes (long-lived token)    no       no                  no
 * </pre>
 */
public enum Role {
    ADMIN,
    OPERATOR,
    CLIENT,
    CLIENT_ADMIN,
    CLIENT_OPERATOR,
    CLIENT_SERVICE;

    /** Which folders a role sees. */
    public enum Scope {
        ALL,
        COMPANY,
        OWN
    }

    /** Oz spells the roles with spaces ("CLIENT ADMIN"). */
    public String wireName() {
        return name().replace('_', ' ');
    }

    public static Role parse(String name) {
        return EnumNames.find(Role.class, name)
                .orElseThrow(() -> new ArgusException(
                        ErrorCode.INVALID_PAYLOAD,
                        "unknown user_type '%s'; known: %s"
                                .formatted(
                                        ArgusException.clip(name),
                                        Arrays.stream(values())
                                                .map(Role::wireName)
                                                .collect(Collectors.joining(", ")))));
    }

    /**
     * The role an API ≤ 5.3 client means: there a client company's administrator is a CLIENT with {@code is_admin}
     * and its service account a CLIENT with {@code is_service}. A flag set to false takes a CLIENT ADMIN or CLIENT
     * SERVICE back to CLIENT; staff roles have no such flags.
     */
    public Role withFlags(@Nullable Boolean isAdmin, @Nullable Boolean isService) {
        if (!clientSide() || this == CLIENT_OPERATOR) {
            return this;
        }
        if (Boolean.TRUE.equals(isService)) {
            return CLIENT_SERVICE;
        }
        if (Boolean.TRUE.equals(isAdmin)) {
            return CLIENT_ADMIN;
        }
        boolean cleared = Boolean.FALSE.equals(isAdmin) && this == CLIENT_ADMIN
                || Boolean.FALSE.equals(isService) && this == CLIENT_SERVICE;
        return cleared ? CLIENT : this;
    }

    /** {@code is_admin} of API ≤ 5.3: sees and manages the data of others (ADMIN, CLIENT ADMIN). */
    public boolean isAdminFlag() {
        return this == ADMIN || this == CLIENT_ADMIN;
    }

    public boolean isServiceFlag() {
        return this == CLIENT_SERVICE;
    }

    public Scope scope() {
        return switch (this) {
            case ADMIN, OPERATOR -> Scope.ALL;
            case CLIENT -> Scope.OWN;
            case CLIENT_ADMIN, CLIENT_OPERATOR, CLIENT_SERVICE -> Scope.COMPANY;
        };
    }

    public boolean createsFolders() {
        return this == ADMIN || this == CLIENT || this == CLIENT_ADMIN || this == CLIENT_SERVICE;
    }

    public boolean deletes() {
        return this == ADMIN || this == CLIENT_ADMIN;
    }

    /** Makes the manual decision on folders and analyses (Oz's operators, and the administrators above them). */
    public boolean decides() {
        return this == ADMIN || this == OPERATOR || this == CLIENT_ADMIN || this == CLIENT_OPERATOR;
    }

    public boolean managesUsers() {
        return this == ADMIN || this == CLIENT_ADMIN;
    }

    public boolean managesCompanies() {
        return this == ADMIN;
    }

    /** Roles that belong to a client company rather than to the service's own staff. */
    public boolean clientSide() {
        return name().startsWith("CLIENT");
    }

    public static List<Role> clientRoles() {
        return Arrays.stream(values()).filter(Role::clientSide).toList();
    }
}
