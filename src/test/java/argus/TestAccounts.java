package argus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.client.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Companies and users made through the API by the test administrator, as an operator would. */
public final class TestAccounts {
    public static final String PASSWORD = "company-user-pass";
    public static final List<String> CLIENT_ROLES =
            List.of("CLIENT", "CLIENT ADMIN", "CLIENT OPERATOR", "CLIENT SERVICE");

    private TestAccounts() {}

    public static String company(OzClient admin, String name) {
        OzClient.Reply created = admin.post("/api/companies/", Map.of("name", name));
        assertEquals(201, created.status(), created.body().toString());
        return (String) created.body().get("company_id");
    }

    /** A user of the company with the role, signed in lazily with {@link #PASSWORD}. */
    public static OzClient user(HttpClient http, OzClient admin, String companyId, String email, String role) {
        OzClient.Reply created = admin.post(
                "/api/users/",
                Map.of("email", email, "password", PASSWORD, "company_id", companyId, "user_type", role));
        assertEquals(201, created.status(), created.body().toString());
        assertEquals(role, created.body().get("user_type"));
        return new OzClient(http, email, PASSWORD);
    }

    /** A company with one user of every client-side role, keyed by role. */
    public record Tenant(String companyId, Map<String, OzClient> users) {
        public OzClient as(String role) {
            return users.get(role);
        }
    }

    public static Tenant tenant(HttpClient http, OzClient admin, String name) {
        String company = company(admin, name);
        Map<String, OzClient> users = new LinkedHashMap<>();
        String prefix = name.toLowerCase().replaceAll("[^a-z0-9]", "-");
        for (String role : CLIENT_ROLES) {
            users.put(
                    role,
                    user(http, admin, company, role.toLowerCase().replace(' ', '-') + "@" + prefix + ".test", role));
        }
        return new Tenant(company, users);
    }
}
