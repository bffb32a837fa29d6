package app.billfold.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.PostgresTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged application started as an operator starts it (the prod profile, settings from the
 * environment): a short session secret stops the start with a clear message; with HTTPS cookies on
 * it sends Strict-Transport-Security, error pages included; metrics answer on the management port
 * only, health on the public one.
 */
class ProductionStartIT {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final Duration START = Duration.ofMinutes(3);
    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aSessionSecretShorterThan32BytesStopsTheStart() throws Exception {
        Path log = Files.createTempFile("billfold-short-secret", ".log");
        Process app = start(Map.of("BILLFOLD_SESSION_SECRET", "too-short"), log);
        try {
            assertThat(app.waitFor(START.toSeconds(), TimeUnit.SECONDS))
                    .as("the start stops")
                    .isTrue();
            assertThat(app.exitValue()).isNotZero();
            assertThat(Files.readString(log, StandardCharsets.UTF_8))
                    .contains("BILLFOLD_SESSION_SECRET is 9 bytes long; it must be at least 32 bytes");
        } finally {
            app.destroyForcibly();
        }
    }

    @Test
    void withSecureCookiesEveryResponseAsksForHttpsAndMetricsStayOffThePublicPort() throws Exception {
        int port = freePort();
        int management = freePort();
        Path log = Files.createTempFile("billfold-prod", ".log");
        Process app = start(
                Map.of(
                        "BILLFOLD_SESSION_SECRET",
                        "a-production-like-secret-of-forty-bytes!!",
                        "BILLFOLD_SECURE_COOKIES",
                        "true",
                        "PORT",
                        String.valueOf(port),
                        "BILLFOLD_MANAGEMENT_PORT",
                        String.valueOf(management)),
                log);
        try {
            String base = "http://localhost:" + port;
            awaitUp(base + "/q/health", app, log);

            HttpResponse<String> page = get(base + "/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Strict-Transport-Security"))
                    .contains("max-age=31536000; includeSubDomains");
            assertThat(page.headers().allValues("Set-Cookie"))
                    .anySatisfy(c -> assertThat(c).startsWith("billfold-csrf=").contains("Secure"));

            HttpResponse<String> missing = get(base + "/no-such-page");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Strict-Transport-Security"))
                    .isPresent();
            assertThat(missing.headers().firstValue("Content-Security-Policy")).isPresent();

            assertThat(get(base + "/q/metrics").statusCode()).isEqualTo(404);
            assertThat(get("http://localhost:" + management + "/q/metrics").statusCode())
                    .isEqualTo(200);
            assertThat(get(base + "/q/health").statusCode()).isEqualTo(200);
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void theSandboxInProductionStopsTheStartUnlessAllowedAndThenEveryPageSaysTestMode() throws Exception {
        Path refusedLog = Files.createTempFile("billfold-sandbox-refused", ".log");
        Map<String, String> refused = new HashMap<>(Map.of(
                "BILLFOLD_SESSION_SECRET", "a-production-like-secret-of-forty-bytes!!",
                "BILLFOLD_SANDBOX_IN_PRODUCTION", "false"));
        Process stopped = start(refused, refusedLog);
        try {
            assertThat(stopped.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(stopped.exitValue()).isNotZero();
            assertThat(Files.readString(refusedLog, StandardCharsets.UTF_8))
                    .contains("billfold.payments.gateway is sandbox in production");
        } finally {
            stopped.destroyForcibly();
        }

        int port = freePort();
        Path log = Files.createTempFile("billfold-sandbox-demo", ".log");
        Process app = start(
                Map.of(
                        "BILLFOLD_SESSION_SECRET", "a-production-like-secret-of-forty-bytes!!",
                        "BILLFOLD_SANDBOX_IN_PRODUCTION", "true",
                        "PORT", String.valueOf(port)),
                log);
        try {
            String base = "http://localhost:" + port;
            awaitUp(base + "/q/health", app, log);
            assertThat(get(base + "/").body()).contains("Test mode: payments here are simulated");
            assertThat(get(base + "/sandbox/checkout?kind=card").statusCode()).isEqualTo(200);
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void withStripeTheSandboxPagesDoNotExistAndNoBannerShows() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("billfold-stripe", ".log");
        Process app = start(
                Map.of(
                        "BILLFOLD_SESSION_SECRET", "a-production-like-secret-of-forty-bytes!!",
                        "BILLFOLD_SANDBOX_IN_PRODUCTION", "false",
                        "BILLFOLD_PAYMENTS_GATEWAY", "stripe",
                        "STRIPE_SECRET_KEY", "sk_test_not_called_by_this_test",
                        "STRIPE_WEBHOOK_SECRET", "whsec_not_called_by_this_test",
                        "PORT", String.valueOf(port)),
                log);
        try {
            String base = "http://localhost:" + port;
            awaitUp(base + "/q/health", app, log);
            assertThat(get(base + "/sandbox/checkout?kind=card").statusCode()).isEqualTo(404);
            assertThat(get(base + "/").body()).doesNotContain("Test mode");
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private Process start(Map<String, String> settings, Path log) throws IOException {
        assertThat(JAR).as("the packaged application").exists();
        ProcessBuilder builder = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(quietInstallation());
        env.putAll(settings);
        return builder.start();
    }

    /** The tests' database, no jobs and no mail: the start is what is tested, not the work. */
    private static Map<String, String> quietInstallation() throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("BILLFOLD_DB_URL", PostgresTestDatabase.url(PostgresTestDatabase.DATABASE));
        env.put("BILLFOLD_DB_USER", System.getenv().getOrDefault("BILLFOLD_TEST_PG_USER", "postgres"));
        env.put("BILLFOLD_DB_PASSWORD", System.getenv().getOrDefault("BILLFOLD_TEST_PG_PASSWORD", ""));
        env.put("PORT", String.valueOf(freePort()));
        env.put("BILLFOLD_MANAGEMENT_PORT", String.valueOf(freePort()));
        env.put("BILLFOLD_MAIL_TO_LOG", "true");
        env.put("BILLFOLD_PUBLIC_URL", "https://pay.example.test");
        // The start is what these tests look at: the sandbox stands in for a processor unless said.
        env.put("BILLFOLD_SANDBOX_IN_PRODUCTION", "true");
        for (String job : new String[] {
            "BILLFOLD_AUTOPAY_CRON", "BILLFOLD_BILLING_CRON", "BILLFOLD_LATE_FEES_CRON", "BILLFOLD_REMINDERS_CRON"
        }) {
            env.put(job, "off");
        }
        env.put("BILLFOLD_RECONCILE_EVERY", "off");
        env.put("BILLFOLD_OUTBOX_DISPATCH_EVERY", "off");
        return env;
    }

    private void awaitUp(String health, Process app, Path log) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive())
                    .as("the application runs: %s", Files.readString(log, StandardCharsets.UTF_8))
                    .isTrue();
            try {
                if (get(health).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not up after " + START + ": " + Files.readString(log, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
