package app.billfold.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettingsForm;
import app.billfold.identity.Role;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.FuzzValues;
import app.billfold.support.FuzzValues.Value;
import app.billfold.support.RawHttp;
import app.billfold.support.TestData;
import app.billfold.support.TestPorts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every form and every query parameter of the portal, guest pay, the console and the webhooks,
 * found by reading the pages as each kind of user, sent malformed values (-Dfuzz.values per field,
 * 500 by default; -Dfuzz.seed to replay a run; -Dfuzz.seconds caps the time, 300 by default): no
 * answer may be a 5xx or show a stack trace, and
 * a refused request may save nothing. "Saved" is watched by row triggers on every table, except the
 * few a refusal rightly writes to (listed in {@link #MAY_CHANGE_ON_REFUSAL}) and the scheduler's.
 * Runs after the other test classes (it changes shared settings, then puts them back), before the
 * ledger check, which then also covers whatever the fuzzed forms did accept.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE - 1)
class FormFuzzTest {

    private static final Logger LOG = Logger.getLogger(FormFuzzTest.class);

    static final int VALUES = Integer.getInteger("fuzz.values", 500);
    static final long SEED = Long.getLong("fuzz.seed", 20261128L);
    /** A limit on the fuzzing time, so that a machine far busier than usual still ends the build. */
    static final long SECONDS = Long.getLong("fuzz.seconds", 300);

    /**
     * Tables a refused request may rightly write to, and on which paths: the record of a failed
     * sign-in (or of a wrong current password on the profile) and its audit entry, the guest-pay
     * attempt counter (also counting tries to add an account from a bill), the tries at an SMS code, and the
     * sessions (each request moves a session's last-seen time).
     */
    static final Map<String, Pattern> MAY_CHANGE_ON_REFUSAL = Map.of(
            "user_session", Pattern.compile(".*"),
            // An accepted export request is made in the background, writing while later requests run.
            "export_job", Pattern.compile(".*"),
            "export_part", Pattern.compile(".*"),
            "sign_in_failure", Pattern.compile("/login|/portal/profile/(password|email)"),
            "audit_entry", Pattern.compile("/login|/portal/profile/(password|email)|/portal/accounts/add"),
            "guest_attempt", Pattern.compile("/guest|/portal/accounts/add"),
            "phone_code",
                    Pattern.compile("/portal/preferences/confirm-phone|/console/customers/\\d+/sms-consent/confirm"));

    /**
     * Run records whose heartbeat every node's timer updates every few seconds, whatever the
     * requests do: an update there is not something a refused request saved (an insert still is).
     */
    static final Set<String> HEARTBEATS = Set.of("billing_run", "autopay_run", "job_run");

    /** Links and forms that would end the test's own session, or leave the site. */
    static final Pattern NOT_FOLLOWED = Pattern.compile(".*(logout|/q/).*");

    static final Pattern STACK_TRACE =
            Pattern.compile("(\\tat [a-z]|\\n\\s*at [a-z][\\w.$]+\\(|Exception:|\\w+\\.java:\\d+\\)|Caused by:)");

    @Inject
    TestData data;

    @Inject
    DataSource dataSource;

    @Inject
    Biller biller;

    @Inject
    SandboxGateway sandbox;

    @Inject
    SavedMethods methods;

    private final List<String> failures = new ArrayList<>();
    private FuzzValues values;
    private BillerSettingsForm originalSettings;
    private Connection db;
    private long requests;

    /** One kind of user: the cookies they carry, and how to sign them in again if a form ended it. */
    final class Visitor {
        final String name;
        final Map<String, String> cookies = new LinkedHashMap<>();
        final RawHttp http = new RawHttp("localhost", TestPorts.http());
        final String home;
        final Set<String> scope;
        String csrf;
        String email;
        String password;
        Role role;

        Visitor(String name, String home, Set<String> scope) {
            this.name = name;
            this.home = home;
            this.scope = scope;
        }

        RawHttp.Reply get(String target) throws IOException {
            RawHttp.Reply reply = http.send("GET", target, Map.of("Cookie", cookieHeader()), null);
            remember(reply);
            return reply;
        }

        RawHttp.Reply postForm(String path, Map<String, String> form) throws IOException {
            StringBuilder body = new StringBuilder("csrf=" + encode(csrf));
            form.forEach(
                    (k, v) -> body.append('&').append(encode(k)).append('=').append(encode(v)));
            RawHttp.Reply reply = http.send(
                    "POST",
                    path,
                    Map.of(
                            "Cookie",
                            cookieHeader(),
                            "Content-Type",
                            "application/x-www-form-urlencoded; charset=UTF-8"),
                    body.toString().getBytes(StandardCharsets.UTF_8));
            remember(reply);
            return reply;
        }

        String cookieHeader() {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ")
                    .append(k)
                    .append('=')
                    .append(v));
            return header.toString();
        }

        void remember(RawHttp.Reply reply) {
            for (String set : reply.headers("Set-Cookie")) {
                int equals = set.indexOf('=');
                int end = set.indexOf(';');
                String value = set.substring(equals + 1, end < 0 ? set.length() : end);
                String cookie = set.substring(0, equals);
                if (value.isEmpty() || set.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(cookie);
                } else {
                    cookies.put(cookie, value);
                }
            }
            String type = reply.header("Content-Type");
            if (type != null && type.startsWith("text/html")) {
                Element token = Jsoup.parse(reply.text()).selectFirst("input[name=csrf]");
                if (token != null) {
                    csrf = token.attr("value");
                }
            }
        }

        void signIn(String email, String password, Role role) throws IOException {
            this.email = email;
            this.password = password;
            this.role = role;
            signInAgain();
        }

        /** Signs in (again): a fuzzed form may have ended the session or disabled the user. */
        void signInAgain() throws IOException {
            cookies.clear();
            data.forgetSignInFailures();
            get("/");
            RawHttp.Reply login = postForm("/login", Map.of("email", email, "password", password));
            if (login.status() != 303) {
                // The user was disabled by a fuzzed staff form: carry on as a new one.
                email = role == Role.CUSTOMER ? email : data.staff(role, password);
                cookies.clear();
                get("/");
                login = postForm("/login", Map.of("email", email, "password", password));
            }
            assertThat(login.status()).as("sign-in of " + name).isEqualTo(303);
            get(home);
        }

        /** True while this visitor is still who they were (their home page still opens). */
        boolean stillSignedIn() throws IOException {
            return email == null
                    || http.send("GET", home, Map.of("Cookie", cookieHeader()), null)
                                    .status()
                            == 200;
        }
    }

    /** A form (or a page's query) found on a page: where it goes, how, and its fields. */
    record Target(
            Visitor visitor,
            String method,
            String path,
            boolean multipart,
            Map<String, Field> fields,
            String foundOn,
            boolean query) {

        String describe() {
            return visitor.name + " " + method + " " + path + (query ? " (query)" : "") + " from " + foundOn;
        }
    }

    record Field(String name, String type, String value, List<String> options) {}

    @AfterEach
    void putBackWhatTheFormsChanged() throws SQLException {
        if (db != null) {
            try (Statement s = db.createStatement()) {
                for (String table : watchedTables()) {
                    s.execute("drop trigger if exists fuzz_watch on " + table);
                }
                s.execute("drop table if exists fuzz_change");
            }
            db.close();
        }
        data.forgetSignInFailures();
        try (Connection cleanup = dataSource.getConnection();
                Statement s = cleanup.createStatement()) {
            // This address is locked out of guest pay after the fuzzing of its start form.
            s.execute("delete from guest_attempt");
        }
        if (originalSettings != null) {
            QuarkusTransaction.requiringNew().run(() -> biller.update(originalSettings, TestData.ACTOR));
        }
    }

    @Test
    void noFormOrQueryAnswersWithAServerErrorOrSavesWhatItRefused() throws Exception {
        originalSettings = data.fresh(() -> BillerSettingsForm.of(biller.settings()));
        originalSettings = new BillerSettingsForm(
                originalSettings.legalName(),
                originalSettings.address(),
                originalSettings.taxId(),
                originalSettings.currency(),
                originalSettings.timeZone(),
                originalSettings.invoicePrefix(),
                originalSettings.supportEmail(),
                originalSettings.supportPhone(),
                originalSettings.brandColour(),
                null,
                null,
                !data.fresh(() -> biller.settings().hasLogo()),
                originalSettings.reminderDays(),
                originalSettings.reminderSmsDays());
        watchTheDatabase();

        var payer = data.aCustomer().withLogin("fuzz-customer-pw").create();
        data.anInvoice(payer.account()).withLine("Water", "1", "40", "0").issue();
        var paid = data.anInvoice(payer.account())
                .withLine("Power", "1", "10", "0")
                .issue();
        data.pay(payer.account(), "10");
        methods.save(
                payer.id(), sandbox.tokenizeCard("4242424242424242", 12, 2099).token(), TestData.ACTOR);
        var guestPayer = data.aCustomer().create();
        data.anInvoice(guestPayer.account()).withLine("Water", "1", "25", "0").issue();
        String clerkEmail = data.staff(Role.CLERK, "fuzz-staff-password");
        String adminEmail = data.staff(Role.ADMIN, "fuzz-staff-password");
        LOG.infof("Fuzzing with seed %d and %d values per field (paid invoice %s)", SEED, VALUES, paid.number);

        Visitor anonymous = new Visitor("anonymous", "/", Set.of("/", "/guest", "/register", "/signin", "/sandbox"));
        anonymous.get("/");
        Visitor guest = new Visitor("guest", "/guest/pay", Set.of("/guest", "/sandbox"));
        guest.get("/guest");
        guest.postForm("/guest", Map.of("accountNumber", guestPayer.account().number, "postcode", "75001"));
        guest.get("/guest/pay");
        Visitor customer = new Visitor("customer", "/portal", Set.of("/portal", "/sandbox"));
        customer.signIn(payer.email(), "fuzz-customer-pw", Role.CUSTOMER);
        Visitor clerk = new Visitor("clerk", "/console", Set.of("/console"));
        clerk.signIn(clerkEmail, "fuzz-staff-password", Role.CLERK);
        Visitor admin = new Visitor("admin", "/console", Set.of("/console"));
        admin.signIn(adminEmail, "fuzz-staff-password", Role.ADMIN);

        List<Target> targets = new ArrayList<>();
        for (Visitor visitor : List.of(customer, guest, clerk, admin, anonymous)) {
            targets.addAll(discover(visitor));
        }
        targets.addAll(webhooks(anonymous));
        LOG.infof("Fuzzing %d forms and queries", targets.size());
        targets.forEach(t -> LOG.infof("  %s %s", t.describe(), t.fields().keySet()));
        assertThat(targets)
                .as("the crawl found the forms")
                .anySatisfy(t -> assertThat(t.path()).isEqualTo("/portal/pay"))
                .anySatisfy(t -> assertThat(t.path()).isEqualTo("/console/settings"))
                .anySatisfy(t -> assertThat(t.path()).isEqualTo("/guest/pay"))
                .anySatisfy(t -> assertThat(t.method() + " " + t.path()).isEqualTo("POST /console/customers"));

        // Sign-in and guest-pay start last: their fuzzing throttles this address.
        targets.sort(java.util.Comparator.comparing((Target t) -> t.path().equals("/login")
                || t.path().equals("/guest")
                || t.path().equals("/register")));
        // Round by round over all targets, each with its own seeded values: a run cut short by the
        // time limit (a machine far busier than usual) has covered every form evenly, and any one
        // target's values are the same whatever the others' are.
        Map<Target, FuzzValues> generators = new LinkedHashMap<>();
        targets.forEach(
                t -> generators.put(t, new FuzzValues(SEED ^ t.describe().hashCode())));
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        int round = 0;
        for (; round < VALUES + VALUES / 10 && System.nanoTime() < deadline; round++) {
            for (Target target : targets) {
                values = generators.get(target);
                fuzz(target, round);
            }
        }
        LOG.infof("Fuzzed %d rounds with %d requests", round, requests);
        if (round < VALUES) {
            LOG.warnf(
                    "Stopped after %d of %d rounds at the time limit of %d s (-Dfuzz.seconds)", round, VALUES, SECONDS);
        }
        assertThat(failures).as("requests answered wrongly (seed " + SEED + ")").isEmpty();
        assertThat(round).as("rounds fuzzed").isGreaterThanOrEqualTo(Math.min(VALUES, 20));
    }

    // ---- discovery ------------------------------------------------------------------------------

    /** Reads the visitor's pages, following links within their part of the site, for forms and queries. */
    /**
     * Forms fuzzed once, not once per kind of user: the language switcher every page carries, and
     * the console's, which the clerk and the admin share (the admin's own are found on top).
     */
    private final Set<String> sharedSeen = new LinkedHashSet<>();

    List<Target> discover(Visitor visitor) throws IOException {
        List<Target> found = new ArrayList<>();
        Set<String> seenPages = new LinkedHashSet<>();
        Set<String> seenTargets = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(visitor.home));
        int pages = 0;
        while (!queue.isEmpty() && pages < 80) {
            String page = queue.poll();
            if (!seenPages.add(shape(page))) {
                continue;
            }
            RawHttp.Reply reply = visitor.get(page);
            pages++;
            String type = reply.header("Content-Type");
            if (reply.status() / 100 == 3 && reply.header("Location") != null) {
                String to = local(reply.header("Location"), page);
                if (to != null
                        && inScope(visitor, to)
                        && !NOT_FOLLOWED.matcher(to).matches()) {
                    queue.addFirst(to);
                }
                continue;
            }
            if (reply.status() != 200 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            Document html = Jsoup.parse(reply.text(), "http://localhost" + page);
            for (Element link : html.select("a[href]")) {
                String href = local(link.attr("href"), page);
                if (href == null || NOT_FOLLOWED.matcher(href).matches() || !inScope(visitor, href)) {
                    continue;
                }
                if (href.contains("?")) {
                    Target query = queryTarget(visitor, href, page);
                    String key = "GET " + shape(query.path()) + query.fields().keySet();
                    if (seenTargets.add(key) && (!query.path().startsWith("/console/") || sharedSeen.add(key))) {
                        found.add(query);
                    }
                }
                if (!isDownload(href)) {
                    queue.add(href);
                }
            }
            for (Element form : html.select("form")) {
                Target target = formTarget(visitor, form, page);
                if (target == null || NOT_FOLLOWED.matcher(target.path()).matches()) {
                    continue;
                }
                String key = target.method() + " " + shape(target.path())
                        + target.fields().keySet();
                boolean shared =
                        target.path().equals("/language") || target.path().startsWith("/console/");
                if (seenTargets.add(key) && (!shared || sharedSeen.add(key))) {
                    found.add(target);
                }
            }
        }
        LOG.infof("%s: %d pages read, %d forms and queries found", visitor.name, pages, found.size());
        return found;
    }

    private Target formTarget(Visitor visitor, Element form, String page) {
        String action = form.hasAttr("action") ? local(form.attr("action"), page) : page;
        if (action == null) {
            return null;
        }
        String method =
                form.attr("method").isBlank() ? "GET" : form.attr("method").toUpperCase(Locale.ROOT);
        boolean multipart = form.attr("enctype").equalsIgnoreCase("multipart/form-data");
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name], button[name]")) {
            String name = input.attr("name");
            if (name.equals("csrf")) {
                continue;
            }
            String type = input.tagName().equals("input")
                    ? input.attr("type").isBlank() ? "text" : input.attr("type").toLowerCase(Locale.ROOT)
                    : input.tagName();
            List<String> options = input.select("option").stream()
                    .map(o -> o.hasAttr("value") ? o.attr("value") : o.text())
                    .toList();
            String value = switch (input.tagName()) {
                case "select" ->
                    input.select("option[selected]").isEmpty()
                            ? options.isEmpty() ? "" : options.get(0)
                            : input.selectFirst("option[selected]").attr("value");
                case "textarea" -> input.text();
                default -> input.attr("value");
            };
            if (type.equals("checkbox") || type.equals("radio")) {
                Field before = fields.get(name);
                List<String> choices = new ArrayList<>(before == null ? List.of() : before.options());
                choices.add(value);
                if (before == null || input.hasAttr("checked")) {
                    fields.put(name, new Field(name, type, value, choices));
                } else {
                    fields.put(name, new Field(name, type, before.value(), choices));
                }
            } else if (!fields.containsKey(name)) {
                fields.put(name, new Field(name, type, value, options));
            }
        }
        String path = action.contains("?") ? action.substring(0, action.indexOf('?')) : action;
        return new Target(visitor, method, path, multipart, fields, page, method.equals("GET"));
    }

    private Target queryTarget(Visitor visitor, String href, String page) {
        int question = href.indexOf('?');
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String pair : href.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.putIfAbsent(name, new Field(name, "text", value, List.of()));
        }
        return new Target(visitor, "GET", href.substring(0, question), false, fields, page, true);
    }

    private static boolean inScope(Visitor visitor, String href) {
        String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
        return visitor.scope.stream().anyMatch(p -> p.equals("/") ? path.equals("/") : path.startsWith(p));
    }

    private static boolean isDownload(String href) {
        return href.matches(".*\\.(pdf|csv|xml|zip)(\\?.*)?");
    }

    /** A page's shape: ids and numbers replaced, so that one page of each kind is read. */
    static String shape(String path) {
        String bare = path.replaceAll("[?#].*", "");
        return bare.replaceAll("/[^/]*\\d[^/]*", "/{n}");
    }

    private static String local(String href, String page) {
        try {
            URI resolved = URI.create("http://localhost" + page).resolve(href.strip());
            if (!"localhost".equals(resolved.getHost()) || resolved.getRawPath() == null) {
                return null;
            }
            return resolved.getRawPath() + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The callbacks no page links to: Twilio's status and inbound, the mail relay's bounces. */
    private List<Target> webhooks(Visitor anonymous) {
        Map<String, Field> status = fields("MessageSid", "MessageStatus", "ErrorCode", "To", "AccountSid");
        Map<String, Field> inbound = fields("From", "To", "Body", "MessageSid", "AccountSid", "OptOutType");
        Map<String, Field> bounce = fields("messageId", "type", "reason");
        return List.of(
                new Target(anonymous, "POST", "/webhooks/twilio/status", false, status, "(webhook)", false),
                new Target(anonymous, "POST", "/webhooks/twilio/inbound", false, inbound, "(webhook)", false),
                new Target(anonymous, "POST", "/webhooks/mail/bounce", false, bounce, "(webhook)", false));
    }

    private static Map<String, Field> fields(String... names) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (String name : names) {
            fields.put(name, new Field(name, "text", "x", List.of()));
        }
        return fields;
    }

    // ---- fuzzing --------------------------------------------------------------------------------

    /** One request to a target: in the first rounds every field malformed, later one at a time. */
    void fuzz(Target target, int round) throws Exception {
        Visitor visitor = target.visitor();
        if (round % 50 == 0 && !visitor.stillSignedIn()) {
            visitor.signInAgain();
        }
        int rounds = target.fields().isEmpty() ? Math.min(VALUES, 20) : VALUES;
        List<String> names = new ArrayList<>(target.fields().keySet());
        if (round < rounds + rounds / 10) {
            // First every field malformed at once; then one field at a time, the others as on the page.
            String alone = round < rounds || names.isEmpty() ? null : names.get(round % names.size());
            List<Map.Entry<String, Value>> params = new ArrayList<>();
            for (Field field : target.fields().values()) {
                if (alone != null && !field.name().equals(alone)) {
                    params.add(Map.entry(field.name(), textValue(field.value())));
                    continue;
                }
                int shape = values.random().nextInt(40);
                if (shape == 0) {
                    continue; // left out
                }
                params.add(Map.entry(field.name(), values.next(field.type(), field.value())));
                if (shape == 1) {
                    params.add(Map.entry(field.name(), values.next(field.type(), field.value())));
                }
            }
            if (values.random().nextInt(25) == 0) {
                params.add(Map.entry(
                        values.pick(List.of("unknown", "csrf[]", "", "a[0]", "%zz")), values.next("text", "")));
            }
            send(target, params, round);
        }
    }

    private static Value textValue(String value) {
        return new Value((value == null ? "" : value).getBytes(StandardCharsets.UTF_8), false);
    }

    private void send(Target target, List<Map.Entry<String, Value>> params, int round) throws Exception {
        Visitor visitor = target.visitor();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", visitor.cookieHeader());
        if (target.path().startsWith("/webhooks/twilio/")) {
            headers.put("X-Twilio-Signature", twilioSignature(target.path(), params));
        } else if (target.path().startsWith("/webhooks/mail/")) {
            headers.put("Authorization", "Bearer test-bounce-token");
        }
        oddHeaders(headers);
        String described;
        RawHttp.Reply reply;
        long before = changes();
        String method = target.method();
        String path = target.path();
        byte[] body = null;
        if (target.query()) {
            StringBuilder query = new StringBuilder();
            params.forEach(p -> query.append(query.length() == 0 ? "" : "&")
                    .append(encode(p.getKey()))
                    .append('=')
                    .append(p.getValue().urlEncoded()));
            path = path + "?" + query;
        } else if (target.multipart() || values.random().nextInt(30) == 0) {
            body = multipart(target, params, visitor.csrf, headers);
        } else {
            body = urlEncoded(params, visitor.csrf, headers);
        }
        described = target.describe() + " round " + round + " with "
                + params.stream()
                        .map(p -> p.getKey() + "=" + p.getValue().shown())
                        .toList() + " headers "
                + headers.keySet();
        requests++;
        try {
            reply = visitor.http.send(method, path, headers, body);
        } catch (IOException e) {
            // Over the limits (request line 4 KB, body 1 MB) the server answers and closes at once,
            // so the rest of the request meets a closed connection: that is a refusal, not a failure.
            if ((body == null || body.length < 1_000_000) && path.length() < 4096) {
                failure("connection failed: " + e + " on " + described);
            }
            visitor.http.close();
            return;
        }
        check(target, reply, described, before);
    }

    private void check(Target target, RawHttp.Reply reply, String described, long before) throws Exception {
        if (reply.status() >= 500) {
            failure(reply.status() + " on " + described);
        }
        String text = reply.text();
        java.util.regex.Matcher trace = STACK_TRACE.matcher(text);
        if (trace.find()) {
            failure("stack trace (" + trace.group() + ") in the answer " + reply.status() + " to " + described);
        }
        int status = reply.status();
        if (status >= 400 && status < 500) {
            List<String> changed = changedSince(before, target.path());
            if (!changed.isEmpty()) {
                failure("refused with " + status + " but changed " + changed + ": " + described);
            }
        }
        if (status == 303 && target.visitor().email != null) {
            String location = reply.header("Location");
            if (location != null && location.contains("/?next=")) {
                // An earlier request ended this visitor's session (a password changed, a user disabled).
                target.visitor().signInAgain();
            }
        }
    }

    private void failure(String message) {
        if (failures.size() < 40) {
            LOG.error(message);
            failures.add(message.length() > 1500 ? message.substring(0, 1500) + "…" : message);
        }
    }

    private byte[] urlEncoded(List<Map.Entry<String, Value>> params, String csrf, Map<String, String> headers) {
        headers.putIfAbsent(
                "Content-Type",
                values.random().nextInt(20) == 0
                        ? values.pick(List.of(
                                "application/x-www-form-urlencoded; charset=ISO-8859-1",
                                "application/x-www-form-urlencoded; charset=bogus",
                                "application/x-www-form-urlencoded;charset=",
                                "application/x-www-form-urlencoded; boundary=x",
                                "text/plain",
                                "application/json",
                                "application/x-www-form-urlencoded"))
                        : "application/x-www-form-urlencoded");
        StringBuilder body = new StringBuilder("csrf=").append(encode(csrf));
        for (Map.Entry<String, Value> p : params) {
            body.append('&')
                    .append(encode(p.getKey()))
                    .append('=')
                    .append(p.getValue().urlEncoded());
        }
        return body.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A multipart body, well formed or, now and then, broken in one of the ways a client gets it wrong. */
    private byte[] multipart(
            Target target, List<Map.Entry<String, Value>> params, String csrf, Map<String, String> headers) {
        String boundary = "fuzz" + Long.toHexString(values.random().nextLong());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "csrf", null, null, csrf.getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, Value> p : params) {
            Field field = target.fields().get(p.getKey());
            boolean file = field != null && field.type().equals("file");
            int shape = values.random().nextInt(10);
            if (file && shape > 1) {
                part(body, boundary, p.getKey(), fileName(), partType(), values.file());
            } else if (!file && shape == 0) {
                part(
                        body,
                        boundary,
                        p.getKey(),
                        fileName(),
                        partType(),
                        p.getValue().bytes());
            } else {
                part(
                        body,
                        boundary,
                        p.getKey(),
                        null,
                        shape == 1 ? partType() : null,
                        p.getValue().bytes());
            }
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        byte[] bytes = body.toByteArray();
        switch (values.random().nextInt(target.multipart() ? 12 : 3)) {
            case 0 -> {
                // Cut short: the connection's body ends in the middle of a part.
                headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
                return java.util.Arrays.copyOf(bytes, values.random().nextInt(bytes.length));
            }
            case 1 -> headers.put("Content-Type", "multipart/form-data; boundary=other" + boundary);
            case 2 -> headers.put("Content-Type", "multipart/form-data");
            case 3 -> headers.put("Content-Type", "multipart/form-data; boundary=\"\"");
            case 4 -> headers.put("Content-Type", "multipart/mixed; boundary=" + boundary);
            default -> headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        }
        return bytes;
    }

    private void part(
            ByteArrayOutputStream body, String boundary, String name, String file, String type, byte[] value) {
        StringBuilder head =
                new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"");
        if (file != null) {
            head.append("; filename=\"").append(file).append('"');
        }
        head.append("\r\n");
        if (type != null) {
            head.append("Content-Type: ").append(type).append("\r\n");
        }
        head.append("\r\n");
        body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        body.writeBytes(value);
        body.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    private String fileName() {
        return values.pick(List.of(
                "logo.png",
                "usage.csv",
                "",
                "../../etc/passwd",
                "a\u0000b.png",
                "x".repeat(300) + ".csv",
                "é.csv",
                "a\";b"));
    }

    private String partType() {
        return values.pick(List.of(
                "image/png",
                "image/jpeg",
                "text/csv",
                "text/plain; charset=bogus",
                "application/octet-stream",
                "image/svg+xml",
                "",
                "multipart/mixed; boundary=x",
                "text/plain; charset=\"\""));
    }

    private void oddHeaders(Map<String, String> headers) {
        if (values.random().nextInt(8) != 0) {
            return;
        }
        switch (values.random().nextInt(10)) {
            case 0, 1 ->
                headers.put(
                        "Accept-Language",
                        values.pick(List.of(
                                "fr;q=1.0000",
                                "*;q=2",
                                ";;;,,,",
                                "en-",
                                "-en",
                                "x".repeat(300),
                                "fr;q=0.5;q=0.6",
                                "da, en-gb;q=0.8, en;q=0.7",
                                "\u00e9\u00e9",
                                "en;q=-1",
                                "fr;q=",
                                "*",
                                "zh-Hant-TW;q=0.001",
                                "en;level=1;q=0.5")));
            case 2, 3 ->
                headers.put(
                        "Accept",
                        values.pick(List.of(
                                "text/html;q=1.0000",
                                "*/",
                                "/",
                                "text/*;q=0.5, application/json",
                                "application/json",
                                "application/pdf",
                                "text/html; charset=\"",
                                "*/*;q=abc",
                                "text/html;level=1;q=0.9;x")));
            case 4 ->
                headers.put(
                        "Cookie",
                        headers.get("Cookie")
                                + values.pick(List.of(
                                        "; billfold-lang=zz", "; billfold-lang=", "; =;;", "; billfold-lang=\"fr")));
            case 5 ->
                headers.put("If-Modified-Since", values.pick(List.of("yesterday", "Mon, 32 Foo 2026 99:99:99 GMT")));
            case 6 ->
                headers.put(
                        "Range",
                        values.pick(List.of("bytes=9-1", "bytes=-", "lines=1-2", "bytes=99999999999999999999-")));
            case 7 -> headers.put("X-Forwarded-For", values.pick(List.of("999.999.1.1", "::::", "1.2.3.4, x", "")));
            case 8 -> headers.put("Origin", values.pick(List.of("null", "http://evil.example", "%zz")));
            default -> headers.put("User-Agent", values.pick(List.of("", "\u00ff\u00fe", "a".repeat(4000))));
        }
    }

    /**
     * Twilio's signature over the parameters as the server will read them, so that the fuzzed
     * values reach the webhook's own checks (a raw value may decode otherwise, and be refused).
     */
    private static String twilioSignature(String path, List<Map.Entry<String, Value>> params) {
        StringBuilder signed = new StringBuilder("http://localhost:8080" + path);
        java.util.TreeMap<String, String> sorted = new java.util.TreeMap<>();
        params.forEach(p -> sorted.putIfAbsent(p.getKey(), decode(p.getValue().urlEncoded())));
        sorted.forEach((k, v) -> signed.append(k).append(v));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    app.billfold.support.TwilioStandIn.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return java.util.Base64.getEncoder()
                    .encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- what a refused request changed ---------------------------------------------------------

    /** A row trigger on each table a refusal must not touch, noting every change in fuzz_change. */
    private void watchTheDatabase() throws SQLException {
        db = dataSource.getConnection();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute(
                    "create table if not exists fuzz_change (id bigserial primary key, tbl text not null, op text not null)");
            s.execute("create or replace function fuzz_note_change() returns trigger language plpgsql as $$"
                    + " begin insert into fuzz_change (tbl, op) values (TG_TABLE_NAME, TG_OP); return null; end $$");
            for (String table : watchedTables()) {
                s.execute("drop trigger if exists fuzz_watch on " + table);
                s.execute("create trigger fuzz_watch after insert or update or delete on " + table
                        + " for each row execute function fuzz_note_change()");
            }
        }
    }

    private List<String> watchedTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema ="
                        + " current_schema() and table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                String table = rs.getString(1);
                boolean alwaysAllowed = MAY_CHANGE_ON_REFUSAL.containsKey(table)
                        && MAY_CHANGE_ON_REFUSAL.get(table).pattern().equals(".*");
                if (!table.startsWith("qrtz_")
                        && !table.startsWith("flyway_")
                        && !table.equals("fuzz_change")
                        && !alwaysAllowed) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private long changes() throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from fuzz_change")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> changedSince(long before, String path) throws SQLException {
        Set<String> changed = new TreeSet<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select distinct tbl, op from fuzz_change where id > " + before)) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (HEARTBEATS.contains(table) && "UPDATE".equals(rs.getString(2))) {
                    continue;
                }
                Pattern allowed = MAY_CHANGE_ON_REFUSAL.get(table);
                if (allowed == null || !allowed.matcher(path).matches()) {
                    changed.add(table + " " + rs.getString(2));
                }
            }
        }
        return new ArrayList<>(changed);
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static String decode(String value) {
        try {
            return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
