package argus.clients;

import argus.OzClient;
import argus.TestAccounts;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;

/** What every client replay needs: the running server on the wire, and accounts made by the test administrator. */
abstract class ClientReplay {
    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    @Inject
    @Client("/")
    HttpClient http;

    Wire wire() {
        return new Wire(server.getURI(), json);
    }

    OzClient admin() {
        return new OzClient(http);
    }

    /** A new company of the given name (made unique). */
    String company(String name) {
        return TestAccounts.company(admin(), name + " " + System.nanoTime());
    }

    /** A new user of the company with the role; its e-mail (the password is {@link TestAccounts#PASSWORD}). */
    String account(String company, String prefix, String role) {
        String email = prefix + "-" + System.nanoTime() + "@client.test";
        TestAccounts.user(http, admin(), company, email, role);
        return email;
    }
}
