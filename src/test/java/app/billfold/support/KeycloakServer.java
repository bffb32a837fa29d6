package app.billfold.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Keycloak for the tests of Keycloak mode: the keycloak-quarkus-dist that Maven unpacked
 * under target/keycloak, run with {@code kc.sh start-dev} on a free port with an in-memory
 * database, importing the realm of docker/keycloak. No Docker involved. Its e-mails go to the SMTP
 * server the tests run in their own JVM (GreenMail, see TestPorts).
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String WEB_SECRET = "test-web-client-secret";
    public static final String PROVISIONING_SECRET = "test-provisioning-secret";
    static final Path HOME = Path.of("target/keycloak/keycloak-26.4.7");
    static final Path REALM = Path.of("docker/keycloak/billfold-realm.json");

    private static Process process;
    private static int port;

    public static String url() {
        return "http://localhost:" + port;
    }

    @Override
    public Map<String, String> start() {
        try {
            port = freePort();
            Path imports = HOME.resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(REALM, imports.resolve("billfold-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            ProcessBuilder builder = new ProcessBuilder(
                            HOME.resolve("bin/kc.sh").toAbsolutePath().toString(),
                            "start-dev",
                            "--http-port=" + port,
                            "--db=dev-mem",
                            "--import-realm",
                            "--health-enabled=false")
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target/keycloak.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("BILLFOLD_PUBLIC_URL", TestPorts.app());
            env.put("BILLFOLD_KEYCLOAK_CLIENT_SECRET", WEB_SECRET);
            env.put("BILLFOLD_KEYCLOAK_ADMIN_CLIENT_SECRET", PROVISIONING_SECRET);
            env.put("KC_SMTP_HOST", "127.0.0.1");
            env.put("KC_SMTP_PORT", String.valueOf(TestPorts.smtp()));
            env.put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
            process = builder.start();
            waitUntilUp(Duration.ofMinutes(6)); // about 20 s idle; minutes on a loaded 2-core machine
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak from " + HOME.toAbsolutePath(), e);
        }
        Map<String, String> config = new HashMap<>();
        config.put("billfold.identity.keycloak", "true");
        config.put("quarkus.oidc.auth-server-url", url() + "/realms/billfold");
        config.put("quarkus.oidc.credentials.secret", WEB_SECRET);
        config.put("billfold.keycloak.url", url());
        config.put("billfold.keycloak.admin.client-secret", PROVISIONING_SECRET);
        return config;
    }

    /** Stops Keycloak; the tests of an outage call it, and the end of the run does too. */
    public static void halt() {
        if (process != null && process.isAlive()) {
            process.toHandle().descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void stop() {
        halt();
    }

    private static void waitUntilUp(Duration limit) {
        HttpClient http = HttpClient.newHttpClient();
        URI wellKnown = URI.create(url() + "/realms/billfold/.well-known/openid-configuration");
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting: see target/keycloak.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(wellKnown).build(), HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        halt();
        throw new IllegalStateException("Keycloak did not start within " + limit + ": see target/keycloak.log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
