package app.billfold.support;

import app.billfold.account.Account;
import app.billfold.account.CustomerForm;
import app.billfold.account.Customers;
import app.billfold.identity.LocalAccounts;
import app.billfold.identity.Role;
import app.billfold.invoice.DraftForm;
import app.billfold.invoice.DraftInvoices;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.IssueInvoice;
import app.billfold.invoice.LineInput;
import app.billfold.payment.OfflinePaymentForm;
import app.billfold.payment.RecordOfflinePayment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Small builders for test data, going through the same services as the pages do:
 * {@code data.aCustomer().withLogin("pw").create()}, {@code data.anInvoice(account).withLine(...).issue()}.
 */
@ApplicationScoped
public class TestData {

    public static final String ACTOR = "test@billfold.test";

    @Inject
    Customers customers;

    @Inject
    LocalAccounts users;

    @Inject
    DraftInvoices drafts;

    @Inject
    IssueInvoice issuer;

    @Inject
    RecordOfflinePayment payments;

    @Inject
    TestClock clock;

    @Inject
    app.billfold.notify.ContactPreferences preferences;

    @Inject
    app.billfold.notify.SmsConsents consents;

    /**
     * Reads in a transaction of its own, so that the answer comes from the database and not from
     * entities the test's request already holds.
     */
    public <T> T fresh(java.util.function.Supplier<T> read) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(read::get);
    }

    /**
     * Records a charge attempt exactly as a node does just before calling the processor, and
     * nothing more: the state a crash right after that leaves behind.
     */
    public Long pendingAttempt(app.billfold.payment.PayOrder order) {
        return fresh(() -> {
            var attempt = new app.billfold.payment.ChargeAttempt();
            attempt.idempotencyKey = order.idempotencyKey();
            attempt.accountId = order.accountId();
            attempt.amount = order.total();
            attempt.currency = "EUR";
            attempt.token = order.token();
            attempt.methodKind = order.methodKind();
            attempt.methodLabel = order.methodLabel();
            attempt.purpose = order.purpose();
            attempt.status = app.billfold.payment.ChargeStatus.PENDING;
            attempt.initiatedBy = order.initiatedBy();
            attempt.createdAt = clock.now();
            order.parts().forEach((invoiceId, amount) -> {
                var part = new app.billfold.payment.ChargeAttemptInvoice();
                part.attempt = attempt;
                part.invoiceId = invoiceId;
                part.amount = amount;
                attempt.invoices.add(part);
            });
            attempt.persist();
            return attempt.id;
        });
    }

    /** Forgets every failed sign-in, so that one test's wrong passwords never delay another's sign-in. */
    public void forgetSignInFailures() {
        fresh(() -> app.billfold.identity.SignInFailure.delete("1 = 1"));
    }

    public CustomerBuilder aCustomer() {
        return new CustomerBuilder();
    }

    public InvoiceBuilder anInvoice(Account account) {
        return new InvoiceBuilder(account);
    }

    public void pay(Account account, String amount) {
        payments.record(
                account.id, new OfflinePaymentForm(amount, clock.today().toString(), "CHEQUE", "", Map.of()), ACTOR);
    }

    public String staff(Role role, String password) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID() + "@billfold.test";
        users.create(email, password, role, null);
        return email;
    }

    /** A customer with one account, optionally able to sign in. */
    public class CustomerBuilder {
        private String name = "Customer " + UUID.randomUUID().toString().substring(0, 8);
        private String email = "c-" + UUID.randomUUID() + "@example.com";
        private String password;
        private String language = "en";
        private boolean paperless;
        private String phone;
        private String notifyBy = "EMAIL";
        private String kind = "PERSON";

        /** A business customer (its e-invoicing details are given separately). */
        public CustomerBuilder company() {
            kind = "COMPANY";
            return this;
        }

        /** Gives the customer a mobile number with SMS consent (as if proved), and notices by e-mail and SMS. */
        public CustomerBuilder textable(String mobile) {
            phone = mobile;
            notifyBy = "BOTH";
            return this;
        }

        /** Gives the customer a mobile number with SMS consent, and notices by SMS only. */
        public CustomerBuilder smsOnly(String mobile) {
            phone = mobile;
            notifyBy = "SMS";
            return this;
        }

        public CustomerBuilder paperless() {
            paperless = true;
            return this;
        }

        public CustomerBuilder speaking(String value) {
            language = value;
            return this;
        }

        public CustomerBuilder named(String value) {
            name = value;
            return this;
        }

        public CustomerBuilder withLogin(String value) {
            password = value;
            return this;
        }

        public CreatedCustomer create() {
            var customer = customers.create(
                    new CustomerForm(kind, name, email, "", language, "", "1 Test Street", "75001"), ACTOR);
            if (password != null) {
                users.create(email, password, Role.CUSTOMER, customer);
            }
            if (phone != null) {
                // The number counts as proved (as if its code had been typed back), then chosen.
                consents.optIn(
                        app.billfold.common.FormInput.phone(new app.billfold.common.FieldErrors(), "phone", phone),
                        "test data");
                preferences.save(
                        customer.id,
                        new app.billfold.notify.ContactPreferences.Form(notifyBy, phone, false, ""),
                        ACTOR);
            }
            if (paperless) {
                customers.setPaperless(
                        customer.id, customers.accountsOf(customer.id).get(0).id, true, ACTOR);
            }
            return new CreatedCustomer(
                    customer.id, email, customers.accountsOf(customer.id).get(0));
        }
    }

    public record CreatedCustomer(Long id, String email, Account account) {}

    public class InvoiceBuilder {
        private final Account account;
        private final List<LineInput> lines = new ArrayList<>();
        private String dueDate = "2026-04-30";

        InvoiceBuilder(Account account) {
            this.account = account;
        }

        public InvoiceBuilder withLine(String description, String quantity, String unitPrice, String taxRate) {
            lines.add(new LineInput(description, quantity, unitPrice, taxRate));
            return this;
        }

        public InvoiceBuilder due(String date) {
            dueDate = date;
            return this;
        }

        public Invoice draft() {
            if (lines.isEmpty()) {
                withLine("Service", "1", "100.00", "20");
            }
            return drafts.create(account.id, new DraftForm(dueDate, lines), ACTOR);
        }

        public Invoice issue() {
            return issuer.issue(draft().id, ACTOR);
        }
    }
}
