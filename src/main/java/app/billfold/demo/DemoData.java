package app.billfold.demo;

import app.billfold.account.Account;
import app.billfold.account.AccountForm;
import app.billfold.account.Customer;
import app.billfold.account.CustomerForm;
import app.billfold.account.Customers;
import app.billfold.biller.Biller;
import app.billfold.biller.BillerSettingsForm;
import app.billfold.identity.AppUserRepository;
import app.billfold.identity.LocalAccounts;
import app.billfold.identity.Role;
import app.billfold.invoice.DraftForm;
import app.billfold.invoice.DraftInvoices;
import app.billfold.invoice.Invoice;
import app.billfold.invoice.InvoiceRepository;
import app.billfold.invoice.IssueInvoice;
import app.billfold.invoice.LineInput;
import app.billfold.notify.SmsConsents;
import app.billfold.payment.OfflinePaymentForm;
import app.billfold.payment.RecordOfflinePayment;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Riverside Utilities with an admin, a clerk and two customers, each with open, partly paid, paid
 * and overdue bills. Loaded once into an empty database, in the dev profile only.
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final String SYSTEM = "demo-data";

    @Inject
    SmsConsents smsConsents;

    @Inject
    Biller biller;

    @Inject
    AppUserRepository users;

    @Inject
    LocalAccounts accounts;

    @Inject
    Customers customers;

    @Inject
    DraftInvoices drafts;

    @Inject
    IssueInvoice issue;

    @Inject
    InvoiceRepository invoices;

    @Inject
    RecordOfflinePayment payments;

    @Inject
    app.billfold.payment.SavedMethods methods;

    @Inject
    app.billfold.payment.Autopay autopay;

    @Inject
    app.billfold.notify.ContactPreferences contactPreferences;

    @Inject
    app.billfold.billing.Plans plans;

    @Inject
    app.billfold.billing.Subscriptions subscriptions;

    @Inject
    app.billfold.billing.UsageImport usage;

    @Inject
    app.billfold.billing.LateFees lateFees;

    @Inject
    app.billfold.payment.sandbox.SandboxGateway sandbox;

    @Inject
    app.billfold.einvoice.BusinessParties businessParties;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        if (users.count() > 0) {
            return;
        }
        load();
        LOG.info("Loaded the Riverside Utilities demo data (password 'demo' for every user)");
    }

    @Transactional
    void load() {
        biller.update(
                new BillerSettingsForm(
                        "Riverside Utilities",
                        "1 Quay Street, 75001 Paris",
                        "FR40303265045",
                        "EUR",
                        "Europe/Paris",
                        "RU-",
                        "help@riverside.test",
                        "+33 1 23 45 67 89",
                        "#0b5394",
                        null,
                        null,
                        false,
                        "-5,0,3,10",
                        "0,3,10"),
                SYSTEM);

        businessParties.updateSeller(
                new app.billfold.einvoice.SellerForm(
                        new app.billfold.einvoice.BusinessDetailsForm(
                                "1 Quay Street", "75001", "Paris", "FR", "FR40303265045", "303265045", "0002", "", ""),
                        "FR7630006000011234567890189",
                        "AGRIFRPP",
                        "S1"),
                SYSTEM);

        accounts.create("admin@billfold.test", "demo", Role.ADMIN, null);
        accounts.create("clerk@billfold.test", "demo", Role.CLERK, null);

        LocalDate today = biller.today();
        Customer ada = customers.create(
                new CustomerForm(
                        "PERSON",
                        "Ada Lovelace",
                        "ada@billfold.test",
                        "+33 6 12 34 56 78",
                        "en",
                        "",
                        "12 Mill Lane",
                        "75011",
                        "Paris"),
                SYSTEM);
        accounts.create("ada@billfold.test", "demo", Role.CUSTOMER, ada);
        Account adaWater = ada.accounts.get(0);
        Account adaPower = customers.openAccount(
                ada.id, new AccountForm("", "12 Mill Lane, garage", "75011", "ACTIVE", "Paris"), SYSTEM);

        Customer ben = customers.create(
                new CustomerForm(
                        "PERSON", "Ben Okafor", "ben@billfold.test", "", "fr", "", "8 rue des Lilas", "69003", "Lyon"),
                SYSTEM);
        accounts.create("ben@billfold.test", "demo", Role.CUSTOMER, ben);
        Account benWater = ben.accounts.get(0);

        // Café du Port: a business customer, whose bills are also Peppol UBL e-invoices.
        Customer cafe = customers.create(
                new CustomerForm(
                        "COMPANY", "Café du Port SARL", "cafe@billfold.test", "", "fr", "", "5 quai du Port", "13002"),
                SYSTEM);
        businessParties.updateBuyer(
                cafe.id,
                new app.billfold.einvoice.BusinessDetailsForm(
                        "5 quai du Port", "13002", "Marseille", "FR", "FR19812345676", "812345676", "0002", "", ""),
                "COMPTA-2026",
                SYSTEM);
        accounts.create("cafe@billfold.test", "demo", Role.CUSTOMER, cafe);
        issued(cafe.accounts.get(0), today.plusDays(15), "Eau, octobre", "42", "2.4520", "5.5");

        // Ada: one paid, one partly paid, one open, one overdue.
        Invoice paid = issued(adaWater, today.minusDays(60), "Water, September", "18.500", "2.4520", "5.5");
        pay(adaWater, paid.balance.toPlainString(), today.minusDays(50));
        Invoice partly = issued(adaWater, today.plusDays(10), "Water, October", "21.000", "2.4520", "5.5");
        pay(adaWater, "20.00", today.minusDays(2));
        issued(adaPower, today.plusDays(20), "Electricity, October", "310", "0.2516", "20");
        issued(adaPower, today.minusDays(12), "Electricity, September", "295", "0.2516", "20");

        // Ben: paid, overdue, open.
        Invoice benPaid = issued(benWater, today.minusDays(45), "Eau, septembre", "12", "2.4520", "5.5");
        pay(benWater, benPaid.balance.toPlainString(), today.minusDays(40));
        issued(benWater, today.minusDays(5), "Eau, octobre", "14", "2.4520", "5.5");
        issued(benWater, today.plusDays(25), "Eau, novembre", "13", "2.4520", "5.5");
        LOG.debugf("Demo invoices: partly paid %s", partly.number);

        // Ada pays her water bills automatically with a saved sandbox card.
        var card = methods.save(
                ada.id,
                sandbox.tokenizeCard("4242424242424242", 12, today.getYear() + 3)
                        .token(),
                SYSTEM);
        autopay.enrol(ada.id, adaWater.id, card.id, SYSTEM);
        customers.setPaperless(ada.id, adaWater.id, true, SYSTEM);
        // Ada also takes SMS (her number confirmed as if she typed back the code), to show both channels.
        smsConsents.optIn("+33612345678", "demo data: confirmed as if with the code sent by SMS");
        contactPreferences.save(
                ada.id,
                new app.billfold.notify.ContactPreferences.Form("BOTH", "+33 6 12 34 56 78", false, ""),
                "ada@billfold.test");

        // Recurring billing: Ada's water account on a residential plan since last month, with its
        // meter reading in; the hourly billing run (or "Run billing now") issues last month's bill.
        var plan = plans.create(
                new app.billfold.billing.PlanForm(
                        "Water — residential",
                        "MONTHLY",
                        "1",
                        "14",
                        List.of(
                                new app.billfold.billing.PlanForm.Line("Base charge", "FIXED", "", "12.00", "5.5", ""),
                                new app.billfold.billing.PlanForm.Line(
                                        "Water", "METERED", "m3", "", "5.5", "10=1.80; 25=2.20; *=2.60"))),
                SYSTEM);
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        subscriptions.subscribe(
                adaWater.id, plan.id.toString(), lastMonth.plusDays(9).toString(), "", SYSTEM);
        usage.importCsv(
                "account,plan,line,period_start,quantity\n" + adaWater.number + "," + plan.name + ",Water," + lastMonth
                        + ",14\n",
                SYSTEM);
        lateFees.updatePolicy(new app.billfold.billing.LateFees.PolicyForm("FIXED", "5", "10", "ONCE", ""), SYSTEM);
    }

    /** Issues an invoice dated as if it had been issued 30 days before it falls due. */
    private Invoice issued(
            Account account, LocalDate due, String description, String quantity, String price, String rate) {
        Invoice draft = drafts.create(
                account.id,
                new DraftForm(
                        due.isBefore(biller.today()) ? biller.today().toString() : due.toString(),
                        List.of(
                                new LineInput(description, quantity, price, rate),
                                new LineInput("Standing charge", "1", "8.90", rate))),
                SYSTEM);
        Invoice invoice = issue.issue(draft.id, SYSTEM);
        // Demo history: back-date the bill so that overdue and paid bills look as they would in life.
        invoice.dueDate = due;
        invoice.issueDate = due.minusDays(30);
        return invoice;
    }

    private void pay(Account account, String amount, LocalDate on) {
        payments.record(
                account.id, new OfflinePaymentForm(amount, on.toString(), "TRANSFER", "demo", Map.of()), SYSTEM);
    }
}
