package argus.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The outbound address policy on the forms an attacker tries, and the connection-time check of the HTTP client. */
public class OutboundAddressesTest {
    /** Every way of writing an internal destination the attack tried, and more. */
    public static final List<String> REFUSED = List.of(
            "http://127.0.0.1/",
            "http://127.1/",
            "http://0x7f.0.0.1/",
            "http://localhost/",
            "http://localhost.:8080/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[::]/",
            "http://[0:0:0:0:0:0:0:1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:7f00:1]/",
            "http://[::7f00:1]/",
            "http://[::127.0.0.1]/",
            "http://[64:ff9b::7f00:1]/",
            "http://[64:ff9b::a00:1]/",
            "http://[64:ff9b:1::7f00:1]/",
            "http://[2002:7f00:1::1]/",
            "http://[2002:a9fe:a9fe::1]/",
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
            "http://10.0.0.1/",
            "http://172.16.0.1/",
            "http://172.31.255.255/",
            "http://192.168.1.1/",
            "http://100.64.0.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/",
            "http://[fe80::1]/",
            "http://[fc00::1]/",
            "http://[fec0::1]/",
            "http://[ff02::1]/",
            "http://224.0.0.1/",
            "http://255.255.255.255/",
            "http://240.0.0.1/",
            "http://192.0.0.1/",
            "http://192.0.2.1/",
            "http://198.18.0.1/",
            "http://198.51.100.1/",
            "http://203.0.113.1/",
            "http://[2001:db8::1]/",
            "http://[100::1]/",
            "file:///etc/passwd",
            "gopher://127.0.0.1:25/",
            "ftp://example.com/",
            "jar:http://example.com!/",
            "//example.com/",
            "http://user:secret@example.com/",
            "not a url",
            "http:///nohost");

    @Test
    void internalDestinationsAreRefusedInEveryForm() {
        for (String url : REFUSED) {
            assertNotNull(Endpoints.refusal(url, false), url + " was allowed");
        }
        assertTrue(REFUSED.size() >= 45, REFUSED.size() + " forms");
    }

    @Test
    void publicDestinationsAreAllowed() {
        for (String url : List.of(
                "http://93.184.216.34/hook",
                "https://8.8.8.8:8443/x",
                "http://[2606:4700:4700::1111]/",
                "http://[64:ff9b::808:808]/",
                "http://[2002:808:808::1]/")) {
            assertNull(Endpoints.refusal(url, false), url);
        }
    }

    @Test
    void thisHostsOwnAddressesAreRefused() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                assertTrue(OutboundAddresses.refused(address), "own address " + address);
            }
        }
    }

    @Test
    void theConnectionItselfRefusesInternalAddressesWhateverWasCheckedBefore() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            int port = server.getAddress().getPort();
            OutboundHttp strict = new OutboundHttp(config(false));
            OutboundHttp permissive = new OutboundHttp(config(true));
            for (String url : List.of(
                    "http://localhost:" + port + "/",
                    "http://127.0.0.1:" + port + "/",
                    "http://[::ffff:127.0.0.1]:" + port + "/")) {
                IOException refused = assertThrows(
                        IOException.class,
                        () -> strict.postJson(url, java.util.Map.of(), "{}", Duration.ofSeconds(5)),
                        url);
                assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
            }
            assertEquals(0, calls.get(), "no connection reached the internal server");
            assertEquals(
                    204,
                    permissive.postJson(
                            "http://localhost:" + port + "/", java.util.Map.of(), "{}", Duration.ofSeconds(5)));
            assertEquals(1, calls.get());
            strict.close();
            permissive.close();
        } finally {
            server.stop(0);
        }
    }

    private static WebhookConfig config(boolean allowPrivate) {
        return new WebhookConfig(
                allowPrivate,
                Duration.ofSeconds(5),
                3,
                Duration.ofSeconds(1),
                Duration.ofMinutes(1),
                Duration.ofSeconds(1));
    }
}
