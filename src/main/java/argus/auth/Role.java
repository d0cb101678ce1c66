package argus.auth;

/** Oz user roles. Only ADMIN exists before companies and users can be managed. */
public enum Role {
    ADMIN,
    OPERATOR,
    CLIENT,
    CLIENT_ADMIN,
    CLIENT_OPERATOR,
    CLIENT_SERVICE
}
