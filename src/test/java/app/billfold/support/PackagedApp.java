package app.billfold.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar) started as a separate process on
 * the tests' PostgreSQL, as an operator starts it (prod profile, settings from the environment),
 * with its scheduled jobs off unless the caller turns them on; and a browser-like client that
 * signs in and posts forms with their anti-forgery token.
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final Process process;
    private final Path log;
    public final String base;

    private PackagedApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts the jar with these JVM options and settings (over the quiet defaults) and waits until it is up. */
    public static PackagedApp start(List<String> jvmOptions, Map<String, String> settings) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("no packaged application at " + JAR + " (run the package phase)");
        }
        int port = freePort();
        Path log = Files.createTempFile("billfold-node", ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("BILLFOLD_DB_URL", PostgresTestDatabase.url(PostgresTestDatabase.DATABASE));
        env.put("BILLFOLD_DB_USER", System.getenv().getOrDefault("BILLFOLD_TEST_PG_USER", "postgres"));
        env.put("BILLFOLD_DB_PASSWORD", System.getenv().getOrDefault("BILLFOLD_TEST_PG_PASSWORD", ""));
        env.put("BILLFOLD_SESSION_SECRET", "a-test-node-secret-of-more-than-32-bytes!!");
        env.put("BILLFOLD_SECURE_COOKIES", "false");
        env.put("PORT", String.valueOf(port));
        env.put("BILLFOLD_MANAGEMENT_PORT", String.valueOf(freePort()));
        env.put("BILLFOLD_MAIL_TO_LOG", "true");
        env.put("BILLFOLD_PUBLIC_URL", "http://localhost:" + port);
        for (String job : new String[] {
            "BILLFOLD_AUTOPAY_CRON", "BILLFOLD_BILLING_CRON", "BILLFOLD_LATE_FEES_CRON", "BILLFOLD_REMINDERS_CRON"
        }) {
            env.put(job, "off");
        }
        env.put("BILLFOLD_RECONCILE_EVERY", "off");
        env.put("BILLFOLD_OUTBOX_DISPATCH_EVERY", "off");
        env.putAll(settings);
        PackagedApp app = new PackagedApp(builder.start(), log, port);
        app.awaitUp();
        return app;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** kill -9: the node dies on the spot, without shutting anything down. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** A signed-in browser: cookies kept, forms posted with the page's anti-forgery token. */
    public Browser signIn(String email, String password) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login =
                browser.postForm("/", "/login", "email=" + encode(email) + "&password=" + encode(password));
        if (login.statusCode() != 303) {
            throw new IllegalStateException("sign-in of " + email + " answered " + login.statusCode());
        }
        return browser;
    }

    public final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        public HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(60))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Reads the form's token from the page, then posts the form to the action. */
        public HttpResponse<String> postForm(String page, String action, String form) throws Exception {
            Matcher token = CSRF.matcher(get(page).body());
            if (!token.find()) {
                throw new IllegalStateException("no anti-forgery token on " + page);
            }
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + action))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    form + (form.isEmpty() ? "" : "&") + "csrf=" + encode(token.group(1))))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The cookies as one Cookie header, for a load tool. */
        public String cookieHeader() {
            StringBuilder header = new StringBuilder();
            for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
                header.append(header.isEmpty() ? "" : "; ")
                        .append(cookie.getName())
                        .append('=')
                        .append(cookie.getValue());
            }
            return header.toString();
        }
    }

    /** Resident memory of the process, in MiB. */
    public double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + process.pid());
    }

    private void awaitUp() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped: " + log());
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/q/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("not up after 4 minutes: " + log());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
