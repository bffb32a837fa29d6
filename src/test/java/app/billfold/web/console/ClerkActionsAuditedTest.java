package app.billfold.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.audit.AuditEntry;
import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettingsForm;
import app.billfold.billing.LateFees;
import app.billfold.einvoice.BusinessParties;
import app.billfold.einvoice.SellerForm;
import app.billfold.identity.AppUserRepository;
import app.billfold.identity.Role;
import app.billfold.invoice.CreditNotes;
import app.billfold.invoice.Invoice;
import app.billfold.notify.ContactPreferences;
import app.billfold.notify.OutboxMessage;
import app.billfold.notify.PrintQueue;
import app.billfold.payment.ChargeAttempt;
import app.billfold.payment.ChargePurpose;
import app.billfold.payment.PayOrder;
import app.billfold.payment.Payment;
import app.billfold.payment.SavedMethod;
import app.billfold.payment.SavedMethods;
import app.billfold.payment.TakePayment;
import app.billfold.payment.gateway.MethodDetails;
import app.billfold.payment.sandbox.SandboxGateway;
import app.billfold.support.Exported;
import app.billfold.support.TestClock;
import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing request of the console leaves one audit entry (two where one request does
 * two things a biller names apart, such as saving and issuing a draft) naming who did it, what and
 * about what; a change of a customer, an account or the biller's settings lists the fields it
 * changed with their values before and after. Exports of customers' data, staff sign-ins and
 * failed sign-ins are on the trail too. The list of requests is checked against every POST the
 * console's resources declare, so that a new form without a case here fails this test.
 */
@io.quarkus.test.junit.QuarkusTest
class ClerkActionsAuditedTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    Biller biller;

    @Inject
    LateFees lateFees;

    @Inject
    BusinessParties parties;

    @Inject
    AppUserRepository users;

    @Inject
    ContactPreferences preferences;

    @Inject
    PrintQueue printQueue;

    @Inject
    SavedMethods methods;

    @Inject
    SandboxGateway sandbox;

    @Inject
    TakePayment takePayment;

    @Inject
    CreditNotes creditNotes;

    private BillerSettingsForm originalSettings;
    private SellerForm originalSeller;
    private Boolean originalPrintPaid;

    /** What one request should leave on the trail: each action, its subject, and changed fields' values. */
    record Expected(List<String> actions, String subject, Map<String, String[]> fields) {

        static Expected one(String action, String subject) {
            return new Expected(List.of(action), subject, Map.of());
        }

        static Expected of(List<String> actions, String subject) {
            return new Expected(actions, subject, Map.of());
        }

        /** The field changed from {@code before} to {@code after}, as the entry must show them. */
        Expected changed(String field, String before, String after) {
            Map<String, String[]> more = new LinkedHashMap<>(fields);
            more.put(field, new String[] {before, after});
            return new Expected(actions, subject, more);
        }
    }

    /** One console POST: the route as declared, and how to make and send a request that succeeds. */
    record Case(String route, Supplier<Sent> send) {}

    /** The request sent, and what the trail must show for it (known only once the request answered). */
    record Sent(Response response, Supplier<Expected> expected) {}

    @AfterEach
    void putBackSharedSettings() {
        clock.reset();
        lateFees.updatePolicy(new LateFees.PolicyForm("NONE", "0", "10", "ONCE", ""), TestData.ACTOR);
        if (originalSettings != null) {
            QuarkusTransaction.requiringNew().run(() -> biller.update(originalSettings, TestData.ACTOR));
        }
        if (originalPrintPaid != null) {
            printQueue.printPaidBills(originalPrintPaid, TestData.ACTOR);
        }
        if (originalSeller != null) {
            try {
                parties.updateSeller(originalSeller, TestData.ACTOR);
            } catch (RuntimeException e) {
                // The seller had no complete details before: the test's stay, as other tests set their own.
            }
        }
    }

    @Test
    void everyConsolePostLeavesOneEntryWithActorSubjectAndTheChangedFields() throws Exception {
        String admin = data.staff(Role.ADMIN, "audit-admin-password");
        WebSession console = WebSession.signedIn(admin, "audit-admin-password");
        List<Case> cases = cases(console, admin);

        Set<String> declared = declaredConsolePosts();
        Set<String> covered = new TreeSet<>();
        cases.forEach(c -> covered.add(c.route()));
        assertThat(covered).as("a case for every POST of the console").isEqualTo(declared);

        List<String> failures = new ArrayList<>();
        for (Case c : cases) {
            Sent sent = c.send().get();
            // The id before the request is taken inside send(), after its own setup: see post().
            int status = sent.response().statusCode();
            if (status != 200 && status != 303) {
                failures.add(c.route() + " answered " + status + ": " + shortBody(sent.response()));
                continue;
            }
            Expected expected = sent.expected().get();
            List<AuditEntry> entries = since(lastMark, admin);
            List<String> actions = entries.stream().map(e -> e.action).toList();
            if (!actions.equals(expected.actions())) {
                failures.add(c.route() + " left " + actions + ", expected " + expected.actions());
                continue;
            }
            for (AuditEntry e : entries) {
                if (e.actor == null || !e.actor.equals(admin) || e.subject == null || e.subject.isBlank()) {
                    failures.add(c.route() + " entry without actor or subject: " + e.action);
                }
            }
            AuditEntry main = entries.get(0);
            if (expected.subject() != null && !expected.subject().equals(main.subject)) {
                failures.add(c.route() + " about " + main.subject + ", expected " + expected.subject());
            }
            expected.fields().forEach((field, values) -> {
                String before = field + ": " + values[0];
                String after = field + ": " + values[1];
                if (main.before == null || !main.before.lines().toList().contains(before)) {
                    failures.add(c.route() + " before lacks \"" + before + "\": " + main.before);
                }
                if (main.after == null || !main.after.lines().toList().contains(after)) {
                    failures.add(c.route() + " after lacks \"" + after + "\": " + main.after);
                }
            });
        }
        assertThat(failures).as("console POSTs without their audit entry").isEmpty();
    }

    @Test
    void exportsSignInsAndFailedSignInsAreOnTheTrail() {
        String admin = data.staff(Role.ADMIN, "audit-admin-password");
        long before = lastId();
        WebSession console = WebSession.signedIn(admin, "audit-admin-password");
        Long adminId = data.fresh(() -> users.findByEmail(admin).orElseThrow().id);
        assertThat(since(before, admin)).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("sign-in");
            assertThat(e.subject).isEqualTo("user:" + adminId);
        });

        before = lastId();
        WebSession wrong = new WebSession();
        wrong.get("/");
        assertThat(wrong.post("/login", Map.of("email", admin, "password", "not-the-password"))
                        .statusCode())
                .isNotEqualTo(303);
        assertThat(since(before, admin)).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("sign-in.failed");
            assertThat(e.subject).isEqualTo("email:" + admin);
        });
        data.forgetSignInFailures();

        var paper = data.aCustomer().create();
        Invoice bill = data.anInvoice(paper.account())
                .withLine("Water", "1", "12", "0")
                .issue();
        String today = data.fresh(() -> biller.today().toString());

        // A long export: asked for (on the trail), then its file downloaded (on the trail again).
        before = lastId();
        String zipJob = Exported.request(console, Map.of("kind", "einvoices", "from", today, "to", today));
        assertThat(since(before, admin)).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("export.einvoices");
            assertThat(e.detail).contains(today);
        });
        Exported.awaitEnd(console, zipJob);
        before = lastId();
        assertThat(console.get(zipJob + "/file").statusCode()).isEqualTo(200);
        assertThat(since(before, admin)).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("export.download");
            assertThat(e.detail).contains(".zip");
        });

        before = lastId();
        Exported.awaitEnd(console, Exported.request(console, Map.of("kind", "aging")));
        assertThat(since(before, admin)).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("export.aging");
            assertThat(e.detail).contains("as of " + today);
        });

        before = lastId();
        Response pdf = console.get("/console/print/bills.pdf?invoice=" + bill.id);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(since(before, admin)).singleElement().satisfies(e -> {
            assertThat(e.action).isEqualTo("export.print");
            assertThat(e.detail).contains(bill.number);
        });
    }

    @Test
    void theTrailShowsEachChangedFieldBeforeAndAfter() {
        String admin = data.staff(Role.ADMIN, "audit-admin-password");
        WebSession console = WebSession.signedIn(admin, "audit-admin-password");
        var eve = data.aCustomer().create();
        Response changed = console.post(
                "/console/accounts/" + eve.account().id,
                Map.of(
                        "accountNumber",
                        eve.account().number,
                        "serviceAddress",
                        "1 Test Street",
                        "postcode",
                        "69001",
                        "status",
                        "ACTIVE"));
        assertThat(changed.statusCode()).isEqualTo(303);
        String trail = console.get("/console/audit?subject=account:" + eve.account().id)
                .asString();
        assertThat(trail)
                .contains("<span class=\"change-field\">postcode</span>: " + eve.account().postcode)
                .contains("<span class=\"change-field\">postcode</span>: 69001");
    }

    // ---- the cases ------------------------------------------------------------------------------

    private long lastMark;

    /** Posts after the case's setup, marking the trail first so that only the request's entries count. */
    private Response post(WebSession console, String path, Map<String, ?> form) {
        lastMark = lastId();
        return console.post(path, form);
    }

    private Response multipart(WebSession console, String path, Map<String, String> fields, String file, byte[] bytes) {
        String token = console.csrfToken();
        lastMark = lastId();
        var request = console.request().multiPart("csrf", token);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            request = request.multiPart(f.getKey(), f.getValue());
        }
        if (file != null) {
            request = request.multiPart("file", file, bytes, "text/csv");
        }
        return request.post(path);
    }

    private List<Case> cases(WebSession console, String admin) {
        List<Case> cases = new ArrayList<>();
        String today = data.fresh(() -> biller.today().toString());

        // Customers and accounts: who they are, where, and the postcode guest pay asks for.
        var ann = data.aCustomer().named("Ann Before").create();
        Long annId = ann.id();
        Long annAccount = ann.account().id;
        String annNumber = ann.account().number;
        String newEmail = "ann-" + UUID.randomUUID() + "@example.com";
        cases.add(new Case("/console/customers", () -> {
            Response r = post(
                    console,
                    "/console/customers",
                    Map.of(
                            "kind", "PERSON",
                            "name", "Cal New",
                            "email", "cal-" + UUID.randomUUID() + "@example.com",
                            "phone", "",
                            "language", "en",
                            "accountNumber", "",
                            "serviceAddress", "2 New Road",
                            "postcode", "75002"));
            return new Sent(r, () -> Expected.one("customer.create", "customer:" + idIn(r, "customers")));
        }));
        cases.add(new Case("/console/customers/{id}", () -> {
            Response r = post(
                    console,
                    "/console/customers/" + annId,
                    Map.of(
                            "kind", "PERSON",
                            "name", "Ann After",
                            "email", newEmail,
                            "phone", "",
                            "language", "fr"));
            return new Sent(
                    r,
                    () -> Expected.one("customer.update", "customer:" + annId)
                            .changed("name", "Ann Before", "Ann After")
                            .changed("email", ann.email(), newEmail)
                            .changed("language", "en", "fr"));
        }));
        cases.add(new Case("/console/customers/{id}/accounts", () -> {
            Response r = post(
                    console,
                    "/console/customers/" + annId + "/accounts",
                    Map.of(
                            "accountNumber",
                            "",
                            "serviceAddress",
                            "3 Other Road",
                            "postcode",
                            "75003",
                            "status",
                            "ACTIVE"));
            return new Sent(r, () -> Expected.one("account.open", "account:" + accountIn(r)));
        }));
        cases.add(new Case("/console/accounts/{id}", () -> {
            Response r = post(
                    console,
                    "/console/accounts/" + annAccount,
                    Map.of(
                            "accountNumber", annNumber,
                            "serviceAddress", "1 Test Street",
                            "postcode", "13002",
                            "status", "ACTIVE"));
            return new Sent(
                    r,
                    () -> Expected.one("account.update", "account:" + annAccount)
                            .changed("postcode", ann.account().postcode, "13002"));
        }));
        var firm = data.aCustomer().company().create();
        cases.add(new Case("/console/customers/{id}/business", () -> {
            Response r = post(
                    console,
                    "/console/customers/" + firm.id() + "/business",
                    Map.of("countryCode", "FR", "registrationId", "812345676", "registrationScheme", "0002"));
            return new Sent(
                    r,
                    () -> Expected.one("customer.business.update", "customer:" + firm.id())
                            .changed("countryCode", "(none)", "FR")
                            .changed("registrationId", "(none)", "812345676"));
        }));

        // Contact preferences and SMS consent, for a customer a clerk talks to.
        var ida = data.aCustomer().create();
        cases.add(new Case("/console/customers/{id}/preferences", () -> {
            Response r = post(
                    console,
                    "/console/customers/" + ida.id() + "/preferences",
                    Map.of("notifyBy", "EMAIL", "phone", "+33 6 12 34 56 70", "timeZone", "Europe/Paris"));
            return new Sent(
                    r,
                    () -> Expected.one("customer.preferences", "customer:" + ida.id())
                            .changed("phone", "(none)", "+33612345670")
                            .changed("timeZone", "(none)", "Europe/Paris"));
        }));
        cases.add(new Case("/console/customers/{id}/sms-consent/confirm", () -> {
            preferences.save(
                    ida.id(), new ContactPreferences.Form("BOTH", "+33 6 12 34 56 70", true, ""), TestData.ACTOR);
            String code = data.fresh(() -> OutboxMessage.<OutboxMessage>list(
                                    "recipient = ?1 and kind = 'phone_code' order by id desc", "+33612345670")
                            .get(0)
                            .payload)
                    .replace("code=", "");
            Response r = post(console, "/console/customers/" + ida.id() + "/sms-consent/confirm", Map.of("code", code));
            return new Sent(r, () -> Expected.one("customer.sms-consent", "customer:" + ida.id()));
        }));
        cases.add(new Case("/console/customers/{id}/sms-consent/withdraw", () -> {
            Response r = post(console, "/console/customers/" + ida.id() + "/sms-consent/withdraw", Map.of());
            return new Sent(r, () -> Expected.one("sms.consent.withdraw", "customer:" + ida.id()));
        }));
        var jo = data.aCustomer().create();
        cases.add(new Case("/console/customers/{id}/invitation", () -> {
            Response r = post(console, "/console/customers/" + jo.id() + "/invitation", Map.of());
            return new Sent(r, () -> Expected.one("user.invite", "customer:" + jo.id()));
        }));
        cases.add(new Case("/console/customers/{id}/notes", () -> {
            Response r = post(console, "/console/customers/" + jo.id() + "/notes", Map.of("note", "Calls after 5pm"));
            return new Sent(r, () -> Expected.one("note.write", "customer:" + jo.id()));
        }));
        cases.add(new Case("/console/accounts/{id}/notes", () -> {
            Response r =
                    post(console, "/console/accounts/" + jo.account().id + "/notes", Map.of("note", "Meter outside"));
            return new Sent(r, () -> Expected.one("note.write", "account:" + jo.account().id));
        }));
        cases.add(new Case("/console/accounts/{id}/paperless", () -> {
            Response r =
                    post(console, "/console/accounts/" + jo.account().id + "/paperless", Map.of("paperless", "true"));
            return new Sent(r, () -> Expected.one("paperless.on", "account:" + jo.account().id));
        }));

        // Autopay on and off for a customer, and the last bill again.
        var dora = data.aCustomer().create();
        cases.add(new Case("/console/accounts/{id}/autopay/start", () -> {
            SavedMethod card = methods.save(
                    dora.id(),
                    sandbox.tokenizeCard("4242424242424242", 12, 2099).token(),
                    TestData.ACTOR);
            Response r = post(
                    console,
                    "/console/accounts/" + dora.account().id + "/autopay/start",
                    Map.of("method", card.id, "autopayReason", "Asked on the phone"));
            return new Sent(r, () -> Expected.one("autopay.enrol", "account:" + dora.account().id));
        }));
        cases.add(new Case("/console/accounts/{id}/autopay/stop", () -> {
            Response r = post(
                    console,
                    "/console/accounts/" + dora.account().id + "/autopay/stop",
                    Map.of("autopayReason", "Card reported stolen"));
            return new Sent(r, () -> Expected.one("autopay.stop", "account:" + dora.account().id));
        }));
        cases.add(new Case("/console/accounts/{id}/resend-bill", () -> {
            Invoice bill = data.anInvoice(dora.account())
                    .withLine("Water", "1", "30", "0")
                    .issue();
            Response r = post(console, "/console/accounts/" + dora.account().id + "/resend-bill", Map.of());
            return new Sent(r, () -> Expected.one("invoice.resend", "invoice:" + bill.id));
        }));

        // Invoices: drafts, issue, void, discard, credit, write-off.
        var gus = data.aCustomer().create();
        Long[] draftId = new Long[1];
        cases.add(new Case("/console/accounts/{accountId}/invoices", () -> {
            Response r = post(console, "/console/accounts/" + gus.account().id + "/invoices", draft(today, "save"));
            return new Sent(r, () -> {
                draftId[0] =
                        data.fresh(() -> Invoice.<Invoice>find("account.id = ?1 order by id desc", gus.account().id)
                                .firstResult()
                                .id);
                return Expected.one("invoice.draft", "invoice:" + draftId[0]);
            });
        }));
        cases.add(new Case("/console/invoices/{id}", () -> {
            Response r = post(console, "/console/invoices/" + draftId[0], draft(today, "save"));
            return new Sent(r, () -> Expected.one("invoice.draft.update", "invoice:" + draftId[0]));
        }));
        cases.add(new Case("/console/invoices/{id}/issue", () -> {
            Response r = post(console, "/console/invoices/" + draftId[0] + "/issue", Map.of());
            return new Sent(r, () -> Expected.one("invoice.issue", "invoice:" + draftId[0]));
        }));
        cases.add(new Case("/console/invoices/{id}/void", () -> {
            Response r = post(console, "/console/invoices/" + draftId[0] + "/void", Map.of());
            return new Sent(r, () -> Expected.one("invoice.void", "invoice:" + draftId[0]));
        }));
        cases.add(new Case("/console/invoices/{id}/discard", () -> {
            Invoice draft = data.anInvoice(gus.account())
                    .withLine("Water", "1", "5", "0")
                    .draft();
            Response r = post(console, "/console/invoices/" + draft.id + "/discard", Map.of());
            return new Sent(r, () -> Expected.one("invoice.draft.discard", "invoice:" + draft.id));
        }));
        cases.add(new Case("/console/invoices/{id}/credit-notes", () -> {
            Invoice bill = data.anInvoice(gus.account())
                    .withLine("Water", "2", "10", "0")
                    .issue();
            Long line =
                    data.fresh(() -> Invoice.<Invoice>findById(bill.id).lines.get(0).id);
            Response r = post(
                    console,
                    "/console/invoices/" + bill.id + "/credit-notes",
                    Map.of("quantity." + line, "1", "reason", "goodwill"));
            return new Sent(r, () -> Expected.one("creditnote.issue", "account:" + gus.account().id));
        }));
        cases.add(new Case("/console/invoices/{id}/write-off", () -> {
            Invoice bill = data.anInvoice(gus.account())
                    .withLine("Water", "1", "3", "0")
                    .issue();
            Response r = post(
                    console, "/console/invoices/" + bill.id + "/write-off", Map.of("reason", "Too small to chase"));
            return new Sent(r, () -> Expected.one("invoice.writeoff", "account:" + gus.account().id));
        }));

        // Payments: offline, reversed; by card, refunded; account credit refunded.
        var hal = data.aCustomer().create();
        cases.add(new Case("/console/accounts/{id}/payments", () -> {
            data.anInvoice(hal.account()).withLine("Water", "1", "40", "0").issue();
            Response r = post(
                    console,
                    "/console/accounts/" + hal.account().id + "/payments",
                    Map.of("amount", "40", "receivedOn", today, "method", "CHEQUE", "reference", "CHQ 1"));
            return new Sent(r, () -> Expected.one("payment.record", "account:" + hal.account().id));
        }));
        cases.add(new Case("/console/payments/{id}/reverse", () -> {
            Long cheque = data.fresh(() -> Payment.<Payment>find("account.id = ?1 order by id desc", hal.account().id)
                    .firstResult()
                    .id);
            Response r = post(console, "/console/payments/" + cheque + "/reverse", Map.of("reason", "Bounced"));
            return new Sent(r, () -> Expected.one("payment.reverse", "account:" + hal.account().id));
        }));
        var kim = data.aCustomer().create();
        cases.add(new Case("/console/payments/{id}/refund", () -> {
            ChargeAttempt paid = paidByCard(kim, "50");
            Response r = post(
                    console,
                    "/console/payments/" + paid.paymentId + "/refund",
                    Map.of("amount", "5", "reason", "Misread"));
            return new Sent(r, () -> Expected.one("payment.refund", "account:" + kim.account().id));
        }));
        cases.add(new Case("/console/accounts/{id}/credit-refund", () -> {
            ChargeAttempt paid = paidByCard(kim, "20");
            Long invoiceId = paid.invoices.get(0).invoiceId;
            Long line =
                    data.fresh(() -> Invoice.<Invoice>findById(invoiceId).lines.get(0).id);
            creditNotes.issue(invoiceId, Map.of(line, "1"), "goodwill", TestData.ACTOR);
            Response r = post(
                    console,
                    "/console/accounts/" + kim.account().id + "/credit-refund",
                    Map.of("amount", "5", "reason", "Asked for it back"));
            return new Sent(r, () -> Expected.one("credit.refund", "account:" + kim.account().id));
        }));

        // Late fees: the policy (admins) and a waiver.
        cases.add(new Case("/console/late-fees", () -> {
            Response r = post(
                    console,
                    "/console/late-fees",
                    Map.of("kind", "FIXED", "amount", "5", "graceDays", "0", "repeat", "ONCE", "cap", ""));
            return new Sent(
                    r,
                    () -> Expected.one("latefee.policy", "biller")
                            .changed("kind", "NONE", "FIXED")
                            .changed("amount", "0", "5"));
        }));
        var lou = data.aCustomer().create();
        cases.add(new Case("/console/invoices/{id}/waive-fee", () -> {
            data.anInvoice(lou.account())
                    .due(today)
                    .withLine("Water", "1", "20", "0")
                    .issue();
            clock.set(clock.now().plus(java.time.Duration.ofDays(3)));
            lateFees.run();
            Long fee = data.fresh(() -> Invoice.<Invoice>find("account.id = ?1 order by id desc", lou.account().id)
                    .firstResult()
                    .id);
            clock.reset();
            lateFees.updatePolicy(new LateFees.PolicyForm("NONE", "0", "10", "ONCE", ""), TestData.ACTOR);
            Response r = post(console, "/console/invoices/" + fee + "/waive-fee", Map.of("reason", "first time late"));
            // Waiving voids the fee's invoice: both are on record, the void under the invoice.
            return new Sent(r, () -> Expected.of(List.of("invoice.void", "latefee.waive"), "invoice:" + fee));
        }));

        // Messages and paper.
        cases.add(new Case("/console/messages/{id}/resend", () -> {
            Long message = data.fresh(() -> {
                OutboxMessage m = OutboxMessage.<OutboxMessage>find("recipient = ?1 order by id desc", jo.email())
                        .firstResult();
                m.status = "DEAD";
                return m.id;
            });
            Response r = post(console, "/console/messages/" + message + "/resend", Map.of());
            return new Sent(r, () -> Expected.one("message.resend", "message:" + message));
        }));
        cases.add(new Case("/console/print/rule", () -> {
            originalPrintPaid = data.fresh(() -> biller.settings().printPaidBills);
            String wanted = originalPrintPaid ? "false" : "true";
            Response r = post(console, "/console/print/rule", Map.of("printPaid", wanted));
            return new Sent(
                    r,
                    () -> Expected.one("print.rule", "biller")
                            .changed("printPaid", originalPrintPaid ? "yes" : "no", originalPrintPaid ? "no" : "yes"));
        }));
        var paper = data.aCustomer().create();
        cases.add(new Case("/console/exports", () -> {
            Response r = post(console, "/console/exports", Map.of("kind", "aging", "asOf", "2026-01-31"));
            return new Sent(r, () -> Expected.one("export.aging", null));
        }));
        String[] printJob = new String[1];
        cases.add(new Case("/console/exports/{id}/printed", () -> {
            data.anInvoice(paper.account()).withLine("Water", "1", "8", "0").issue();
            printJob[0] = Exported.request(console, Map.of("kind", "print"));
            Exported.awaitEnd(console, printJob[0]);
            Response r = post(console, printJob[0] + "/printed", Map.of());
            return new Sent(r, () -> Expected.one("print.done", "print-queue"));
        }));
        cases.add(new Case("/console/print/done", () -> {
            Invoice bill = data.anInvoice(paper.account())
                    .withLine("Water", "1", "9", "0")
                    .issue();
            Response r = post(console, "/console/print/done", Map.of("invoice", List.of(bill.id)));
            return new Sent(r, () -> Expected.one("print.done", "print-queue"));
        }));

        // Recurring billing: a plan, a subscription, usage, a run; and an autopay run.
        String planName = "Gas " + UUID.randomUUID();
        Long[] planId = new Long[1];
        cases.add(new Case("/console/plans", () -> {
            Map<String, Object> form = new HashMap<>(Map.of(
                    "name", planName,
                    "frequency", "MONTHLY",
                    "billingDay", "1",
                    "paymentTermsDays", "30",
                    "description", List.of("Standing charge", "Gas"),
                    "kind", List.of("FIXED", "METERED"),
                    "unit", List.of("", "kWh"),
                    "unitPrice", List.of("40", "0.2"),
                    "taxRate", List.of("20", "20"),
                    "tiers", List.of("", "")));
            Response r = post(console, "/console/plans", form);
            return new Sent(r, () -> {
                planId[0] = data.fresh(() -> app.billfold.billing.Plan.<app.billfold.billing.Plan>find("name", planName)
                        .firstResult()
                        .id);
                return Expected.one("plan.create", "plan:" + planId[0]);
            });
        }));
        var sub = data.aCustomer().create();
        cases.add(new Case("/console/accounts/{id}/subscriptions", () -> {
            Response r = post(
                    console,
                    "/console/accounts/" + sub.account().id + "/subscriptions",
                    Map.of("plan", planId[0], "startsOn", "2026-03-01", "endsOn", ""));
            return new Sent(r, () -> Expected.one("subscription.create", "account:" + sub.account().id));
        }));
        cases.add(new Case("/console/billing/usage", () -> {
            String csv = "account,plan,line,period_start,quantity\n" + sub.account().number + "," + planName
                    + ",Gas,2026-03-01,120\n";
            Response r = multipart(console, "/console/billing/usage", Map.of(), "usage.csv", csv.getBytes());
            return new Sent(r, () -> Expected.one("usage.import", "usage"));
        }));
        cases.add(new Case("/console/billing/run", () -> {
            Response r = post(console, "/console/billing/run", Map.of());
            return new Sent(r, () -> Expected.one("billing.run", "billing-run:" + idIn(r, "billing/runs")));
        }));
        cases.add(new Case("/console/autopay/run", () -> {
            Response r = post(console, "/console/autopay/run", Map.of());
            return new Sent(r, () -> Expected.one("autopay.run", null));
        }));

        // Import of customers: the file read, then applied.
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String importCsv = "name,email,phone,account_number,service_address,postcode,paperless,language\n"
                + "Cy Import,cy-" + tag + "@example.com,,IMP" + tag + "C,4 Road,75004,no,en\n";
        cases.add(new Case("/console/customers/import/preview", () -> {
            Response r = multipart(
                    console, "/console/customers/import/preview", Map.of(), "customers.csv", importCsv.getBytes());
            return new Sent(r, () -> Expected.one("customers.import.preview", "customers"));
        }));
        cases.add(new Case("/console/customers/import", () -> {
            Response r = post(console, "/console/customers/import", Map.of("csv", importCsv));
            return new Sent(r, () -> Expected.of(List.of("customer.create", "customers.import"), null));
        }));

        // The biller's settings, e-invoicing details and staff (admins).
        cases.add(new Case("/console/settings", () -> {
            originalSettings = data.fresh(() -> BillerSettingsForm.of(biller.settings()));
            BillerSettingsForm s = originalSettings;
            String phone = "+33 1 00 00 00 99".equals(s.supportPhone()) ? "+33 1 00 00 00 98" : "+33 1 00 00 00 99";
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("legalName", s.legalName());
            fields.put("address", s.address());
            fields.put("taxId", s.taxId() == null ? "" : s.taxId());
            fields.put("currency", s.currency());
            fields.put("timeZone", s.timeZone());
            fields.put("invoicePrefix", s.invoicePrefix());
            fields.put("supportEmail", s.supportEmail());
            fields.put("supportPhone", phone);
            fields.put("brandColour", s.brandColour());
            fields.put("reminderDays", s.reminderDays());
            fields.put("reminderSmsDays", s.reminderSmsDays());
            Response r = multipart(console, "/console/settings", fields, null, null);
            String stored = phone.replace(" ", "");
            return new Sent(
                    r,
                    () -> Expected.one("biller.settings.update", "biller")
                            .changed(
                                    "supportPhone",
                                    s.supportPhone() == null ? "(none)" : s.supportPhone(),
                                    data.fresh(() -> biller.settings().supportPhone)));
        }));
        cases.add(new Case("/console/settings/einvoicing", () -> {
            originalSeller = data.fresh(() -> SellerForm.of(biller.settings()));
            String city = "Lyon".equals(originalSeller.details().city()) ? "Lille" : "Lyon";
            Map<String, String> form = new LinkedHashMap<>();
            form.put("street", "1 place de la Mairie");
            form.put("postcode", "69001");
            form.put("city", city);
            form.put("countryCode", "FR");
            form.put("vatId", "FR46401234562");
            form.put("registrationId", "401234562");
            form.put("registrationScheme", "0002");
            form.put("endpointId", "");
            form.put("endpointScheme", "");
            form.put("iban", "FR7630006000011234567890189");
            form.put("bic", "");
            form.put("operationCategory", "S1");
            Response r = post(console, "/console/settings/einvoicing", form);
            String was = originalSeller.details().city();
            return new Sent(
                    r,
                    () -> Expected.one("biller.einvoicing.update", "biller")
                            .changed("city", was == null || was.isBlank() ? "(none)" : was, city));
        }));
        String newClerk = "clerk-" + UUID.randomUUID() + "@billfold.test";
        Long[] clerkId = new Long[1];
        cases.add(new Case("/console/staff/invite", () -> {
            Response r = post(console, "/console/staff/invite", Map.of("email", newClerk, "role", "CLERK"));
            return new Sent(r, () -> {
                clerkId[0] = data.fresh(() -> users.findByEmail(newClerk).orElseThrow().id);
                return Expected.one("staff.invite", "user:" + clerkId[0]);
            });
        }));
        cases.add(new Case("/console/staff/{id}/disable", () -> {
            Response r = post(console, "/console/staff/" + clerkId[0] + "/disable", Map.of());
            return new Sent(r, () -> Expected.one("staff.disable", "user:" + clerkId[0]));
        }));
        cases.add(new Case("/console/staff/{id}/enable", () -> {
            Response r = post(console, "/console/staff/" + clerkId[0] + "/enable", Map.of());
            return new Sent(r, () -> Expected.one("staff.enable", "user:" + clerkId[0]));
        }));
        return cases;
    }

    private static Map<String, Object> draft(String dueDate, String action) {
        return Map.of(
                "dueDate", dueDate,
                "description", List.of("Maintenance"),
                "quantity", List.of("2"),
                "unitPrice", List.of("80"),
                "taxRate", List.of("20"),
                "action", action);
    }

    private ChargeAttempt paidByCard(TestData.CreatedCustomer customer, String amount) {
        Invoice bill = data.anInvoice(customer.account())
                .withLine("Water", "1", amount, "0")
                .issue();
        MethodDetails card = sandbox.tokenizeCard("4242424242424242", 12, 2099);
        LinkedHashMap<Long, BigDecimal> parts = new LinkedHashMap<>();
        parts.put(bill.id, new BigDecimal(amount));
        return takePayment.pay(new PayOrder(
                customer.account().id,
                parts,
                card.token(),
                card.kind(),
                "visa 4242",
                ChargePurpose.PAY_NOW,
                "audit-test-" + UUID.randomUUID(),
                TestData.ACTOR));
    }

    // ---- reading the trail and the routes -------------------------------------------------------

    private long lastId() {
        return data.fresh(() -> {
            Long max = (Long) AuditEntry.getEntityManager()
                    .createQuery("select max(e.id) from AuditEntry e")
                    .getSingleResult();
            return max == null ? 0L : max;
        });
    }

    private List<AuditEntry> since(long id, String actor) {
        return data.fresh(() -> AuditEntry.<AuditEntry>list("id > ?1 and actor = ?2 order by id", id, actor));
    }

    private static Long idIn(Response response, String after) {
        String location = response.header("Location");
        Matcher m = Pattern.compile("/console/" + after + "/(\\d+)").matcher(location == null ? "" : location);
        assertThat(m.find()).as("redirect to the new record: " + location).isTrue();
        return Long.valueOf(m.group(1));
    }

    private static Long accountIn(Response response) {
        return idIn(response, "accounts");
    }

    private static String shortBody(Response response) {
        String body = response.asString();
        return body.length() > 600 ? body.substring(0, 600) : body;
    }

    /** Every POST the console declares, as "/console/…/{param}", read from the resources' annotations. */
    static Set<String> declaredConsolePosts() throws IOException {
        Set<String> routes = new TreeSet<>();
        java.nio.file.Path sources = Paths.get("src/main/java");
        List<String> classes;
        try (Stream<java.nio.file.Path> files = Files.walk(sources)) {
            classes = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("@Path(\"/console");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(f -> sources.relativize(f)
                            .toString()
                            .replace(".java", "")
                            .replace('/', '.'))
                    .toList();
        }
        assertThat(classes).as("console resources").isNotEmpty();
        for (String name : classes) {
            Class<?> type;
            try {
                type = Class.forName(name, false, Thread.currentThread().getContextClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            Path base = type.getAnnotation(Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(POST.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    String route = base.value() + (sub == null ? "" : "/" + sub.value());
                    routes.add(route.replaceAll("/+", "/").replaceAll("/$", ""));
                }
            }
        }
        return routes;
    }
}
