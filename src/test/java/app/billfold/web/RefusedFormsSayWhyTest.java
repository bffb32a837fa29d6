package app.billfold.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.identity.Role;
import app.billfold.notify.SmsConsents;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every form of the portal, guest pay and the console, found by reading the pages as each kind of
 * user, sent once per field with that one field bad (a date that is none, a word for an amount, an
 * unknown choice, a text far too long): a refusal must say which field and why, with the error
 * beside the field (an error element whose id the field names in aria-describedby), never only
 * "Some fields need your attention". And the mobile number changed while SMS notices are on, in the
 * portal and in the console, asks for consent at the new number beside the consent box.
 */
@QuarkusTest
class RefusedFormsSayWhyTest {

    static final Pattern NOT_FOLLOWED = Pattern.compile(".*(logout|/q/|/language|sign-out).*");

    /** Fields whose every value is acceptable, or which carry the page's own ids rather than input. */
    static final Set<String> NOT_INPUT = Set.of("csrf", "next", "action");

    @Inject
    TestData data;

    @Inject
    SmsConsents consents;

    record Form(String page, String method, String action, boolean multipart, Map<String, Field> fields) {}

    record Field(String name, String tag, String type, String value, List<String> options) {}

    @Test
    void aRefusedFormShowsTheErrorBesideTheField() {
        var payer = data.aCustomer().withLogin("refused-forms-pw").create();
        data.anInvoice(payer.account()).withLine("Water", "1", "40", "0").issue();
        String admin = data.staff(Role.ADMIN, "refused-forms-pw");
        WebSession customer = WebSession.signedIn(payer.email(), "refused-forms-pw");
        WebSession console = WebSession.signedIn(admin, "refused-forms-pw");
        var guestPayer = data.aCustomer().create();
        data.anInvoice(guestPayer.account()).withLine("Water", "1", "25", "0").issue();
        WebSession guest = new WebSession();
        guest.get("/guest");
        guest.post("/guest", Map.of("accountNumber", guestPayer.account().number, "postcode", "75001"));

        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var visitor : List.of(
                new Object[] {customer, "/portal", List.of("/portal")},
                new Object[] {guest, "/guest/pay", List.of("/guest")},
                new Object[] {console, "/console", List.of("/console")})) {
            WebSession session = (WebSession) visitor[0];
            @SuppressWarnings("unchecked")
            List<String> scope = (List<String>) visitor[2];
            for (Form form : discover(session, (String) visitor[1], scope)) {
                for (Field field : form.fields().values()) {
                    String bad = badValue(field);
                    if (bad == null) {
                        continue;
                    }
                    checked++;
                    Response answer = send(session, form, field.name(), bad);
                    String problem = problem(answer, field.name());
                    if (problem != null) {
                        failures.add(form.method() + " " + form.action() + " (from " + form.page() + ") with "
                                + field.name() + " bad: " + problem);
                    }
                }
            }
        }
        assertThat(checked).as("fields tried").isGreaterThan(50);
        assertThat(failures).as("refusals that do not say which field and why").isEmpty();
    }

    @Test
    void aNewMobileNumberWhileSmsIsOnAsksForConsentBesideTheBox() {
        var sam = data.aCustomer()
                .smsOnly("+33 6 11 22 33 44")
                .withLogin("new-mobile-pw")
                .create();
        WebSession portal = WebSession.signedIn(sam.email(), "new-mobile-pw");
        assertThat(portal.get("/portal/preferences").asString()).doesNotContain("name=\"smsConsent\"");

        Response refused = portal.post(
                "/portal/preferences", Map.of("notifyBy", "SMS", "phone", "+33 6 99 88 77 66", "timeZone", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(refused.asString());
        assertThat(page.selectFirst("#e-smsConsent"))
                .as("the error beside the consent box")
                .isNotNull();
        assertThat(page.selectFirst("#f-smsConsent").attr("aria-describedby")).contains("e-smsConsent");
        assertThat(page.selectFirst("#f-phone").attr("value")).isEqualTo("+33 6 99 88 77 66");

        // Ticking the box at once (no switch to e-mail and back) sends a code to the new number.
        Response saved = portal.post(
                "/portal/preferences",
                Map.of("notifyBy", "SMS", "phone", "+33 6 99 88 77 66", "smsConsent", "true", "timeZone", ""));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(portal.get("/portal/preferences").asString()).contains("/portal/preferences/confirm-phone");

        var tom = data.aCustomer().smsOnly("+33 6 11 22 33 55").create();
        String clerk = data.staff(Role.CLERK, "new-mobile-pw");
        WebSession console = WebSession.signedIn(clerk, "new-mobile-pw");
        Response clerkRefused = console.post(
                "/console/customers/" + tom.id() + "/preferences",
                Map.of("notifyBy", "SMS", "phone", "+33 6 99 88 77 55", "timeZone", ""));
        assertThat(clerkRefused.statusCode()).isEqualTo(400);
        Document care = Jsoup.parse(clerkRefused.asString());
        assertThat(care.selectFirst("#e-smsConsent")).isNotNull();
        assertThat(care.selectFirst("#f-smsConsent").attr("aria-describedby")).contains("e-smsConsent");
        assertThat(console.post(
                                "/console/customers/" + tom.id() + "/preferences",
                                Map.of(
                                        "notifyBy",
                                        "SMS",
                                        "phone",
                                        "+33 6 99 88 77 55",
                                        "smsConsent",
                                        "true",
                                        "timeZone",
                                        ""))
                        .statusCode())
                .isEqualTo(303);
    }

    // ---- what a refusal must show ---------------------------------------------------------------

    /** Null when the answer is right: accepted, or refused with the error beside a field. */
    static String problem(Response answer, String field) {
        int status = answer.statusCode();
        if (status >= 500) {
            return "answered " + status;
        }
        if (status != 400 && status != 422) {
            return null;
        }
        String type = answer.contentType();
        if (type == null || !type.startsWith("text/html")) {
            return null;
        }
        Document page = Jsoup.parse(answer.asString());
        List<String> unexplained = new ArrayList<>();
        boolean besideSome = false;
        for (Element error : page.select(".error[id]")) {
            String id = error.id();
            boolean named = !page.select("[aria-describedby~=(^|\\s)" + Pattern.quote(id) + "($|\\s)]")
                    .isEmpty();
            if (named) {
                besideSome = true;
            } else {
                unexplained.add(id);
            }
        }
        if (!unexplained.isEmpty()) {
            return "errors no field points to: " + unexplained;
        }
        if (!besideSome) {
            Element alert = page.selectFirst("[role=alert]");
            return "no error beside any field" + (alert == null ? "" : " (the page says: " + alert.text() + ")");
        }
        Element input = page.selectFirst("[name=" + field + "]");
        Element own = page.getElementById("e-" + field);
        if (own != null && input != null && !input.attr("aria-describedby").contains("e-" + field)) {
            return "the error of " + field + " is not named by its field";
        }
        return null;
    }

    static String badValue(Field field) {
        if (NOT_INPUT.contains(field.name())) {
            return null;
        }
        return switch (field.type()) {
            case "hidden", "checkbox", "radio", "file", "submit", "button", "password" -> null;
            case "date" -> "2026-02-31";
            case "number" -> "many";
            case "email" -> "not-an-email";
            case "tel" -> "12";
            case "select" -> "no-such-choice";
            default ->
                field.name().toLowerCase(Locale.ROOT).matches(".*(amount|price|quantity|days|rate).*")
                        ? "many"
                        : "x".repeat(1500);
        };
    }

    // ---- sending ----------------------------------------------------------------------------------

    static Response send(WebSession session, Form form, String badField, String bad) {
        String token = session.csrfToken();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Field f : form.fields().values()) {
            values.put(f.name(), List.of(f.name().equals(badField) ? bad : f.value()));
        }
        RequestSpecification request = session.request();
        if (form.multipart()) {
            request = request.multiPart("csrf", token);
            for (var e : values.entrySet()) {
                for (String v : e.getValue()) {
                    request = request.multiPart(e.getKey(), v);
                }
            }
        } else {
            request = request.contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .formParam("csrf", token);
            for (var e : values.entrySet()) {
                for (String v : e.getValue()) {
                    request = request.formParam(e.getKey(), v);
                }
            }
        }
        Response answer = request.post(form.action());
        session.get(form.page());
        return answer;
    }

    // ---- discovery --------------------------------------------------------------------------------

    /** The POST forms with fields found on the visitor's pages, one of each action and field set. */
    static List<Form> discover(WebSession session, String home, List<String> scope) {
        List<Form> found = new ArrayList<>();
        Set<String> seenPages = new LinkedHashSet<>();
        Set<String> seenForms = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(home));
        while (!queue.isEmpty() && seenPages.size() < 60) {
            String page = queue.poll();
            if (!seenPages.add(shape(page))) {
                continue;
            }
            Response reply = session.get(page);
            String type = reply.contentType();
            if (reply.statusCode() != 200 || type == null || !type.startsWith("text/html")) {
                continue;
            }
            Document html = Jsoup.parse(reply.asString());
            for (Element link : html.select("a[href]")) {
                String href = local(link.attr("href"), page);
                if (href != null
                        && !href.contains("?")
                        && !NOT_FOLLOWED.matcher(href).matches()
                        && scope.stream().anyMatch(href::startsWith)
                        && !href.matches(".*\\.(pdf|csv|xml|zip)$")) {
                    queue.add(href);
                }
            }
            for (Element element : html.select("form[method=post]")) {
                String action = element.hasAttr("action") ? local(element.attr("action"), page) : page;
                if (action == null || NOT_FOLLOWED.matcher(action).matches()) {
                    continue;
                }
                Map<String, Field> fields = fields(element);
                if (fields.values().stream().allMatch(f -> badValue(f) == null)) {
                    continue;
                }
                if (seenForms.add(shape(action) + fields.keySet())) {
                    found.add(new Form(
                            page,
                            "POST",
                            action,
                            element.attr("enctype").equalsIgnoreCase("multipart/form-data"),
                            fields));
                }
            }
        }
        return found;
    }

    static Map<String, Field> fields(Element form) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name], select[name], textarea[name]")) {
            String name = input.attr("name");
            String type = input.tagName().equals("input")
                    ? input.attr("type").isBlank() ? "text" : input.attr("type").toLowerCase(Locale.ROOT)
                    : input.tagName();
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            List<String> options = input.select("option").stream()
                    .map(o -> o.hasAttr("value") ? o.attr("value") : o.text())
                    .toList();
            String value = switch (input.tagName()) {
                case "select" ->
                    input.selectFirst("option[selected]") != null
                            ? input.selectFirst("option[selected]").attr("value")
                            : options.isEmpty() ? "" : options.get(0);
                case "textarea" -> input.text();
                default -> input.attr("value");
            };
            fields.putIfAbsent(name, new Field(name, input.tagName(), type, value, options));
        }
        return fields;
    }

    static String shape(String path) {
        return path.replaceAll("[?#].*", "").replaceAll("/[^/]*\\d[^/]*", "/{n}");
    }

    static String local(String href, String page) {
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
}
