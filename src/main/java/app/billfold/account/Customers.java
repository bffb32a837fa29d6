package app.billfold.account;

import app.billfold.audit.AuditLog;
import app.billfold.audit.Changes;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Customers and their accounts, as clerks create, find and change them. */
@ApplicationScoped
public class Customers {

    public static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("^[A-Z0-9-]{4,30}$");

    @Inject
    CustomerRepository customers;

    @Inject
    AccountRepository accounts;

    @Inject
    AccountNumbers numbers;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<CustomerClosed> customerClosed;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Customer get(Long id) {
        return customers.findByIdOptional(id).orElseThrow(() -> new NotFoundException("customer " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Account account(Long id) {
        return accounts.findByIdOptional(id).orElseThrow(() -> new NotFoundException("account " + id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Account> accountsOf(Long customerId) {
        return accounts.listForCustomer(customerId);
    }

    /** Creates a customer together with their first account. */
    @Transactional
    public Customer create(CustomerForm form, String actor) {
        FieldErrors errors = new FieldErrors();
        Customer customer = new Customer();
        readCustomer(form, customer, errors);
        Account account = new Account();
        readAccount(
                new AccountForm(form.accountNumber(), form.serviceAddress(), form.postcode(), "ACTIVE", form.city()),
                account,
                errors);
        errors.throwIfAny();

        customer.createdAt = Instant.now(clock);
        customers.persist(customer);
        account.customer = customer;
        account.createdAt = customer.createdAt;
        accounts.persist(account);
        customer.accounts.add(account);
        audit.record(
                actor, "customer.create", "customer:" + customer.id, customer.name + ", account " + account.number);
        return customer;
    }

    @Transactional
    public Customer update(Long id, CustomerForm form, String actor) {
        Customer customer = get(id);
        FieldErrors errors = new FieldErrors();
        Customer changed = new Customer();
        readCustomer(form, changed, errors);
        errors.throwIfAny();
        if (!java.util.Objects.equals(customer.email, changed.email)) {
            customer.emailFailedAt = null;
            customer.emailFailure = null;
        }
        if (!java.util.Objects.equals(customer.phone, changed.phone)) {
            customer.smsFailedAt = null;
            customer.smsFailure = null;
        }
        Changes changes = Changes.of()
                .field("kind", customer.kind, changed.kind)
                .field("name", customer.name, changed.name)
                .field("email", customer.email, changed.email)
                .field("phone", customer.phone, changed.phone)
                .field("language", customer.language, changed.language);
        customer.kind = changed.kind;
        customer.name = changed.name;
        customer.email = changed.email;
        customer.phone = changed.phone;
        customer.language = changed.language;
        audit.change(actor, "customer.update", "customer:" + customer.id, null, changes);
        return customer;
    }

    @Transactional
    public Account openAccount(Long customerId, AccountForm form, String actor) {
        Customer customer = get(customerId);
        FieldErrors errors = new FieldErrors();
        Account account = new Account();
        // An account opens active: closing is for one that has served (and settles its sign-ins).
        readAccount(
                new AccountForm(form.number(), form.serviceAddress(), form.postcode(), "ACTIVE", form.city()),
                account,
                errors);
        errors.throwIfAny();
        account.customer = customer;
        account.createdAt = Instant.now(clock);
        accounts.persist(account);
        audit.record(actor, "account.open", "account:" + account.id, account.number);
        return account;
    }

    @Transactional
    public Account updateAccount(Long accountId, AccountForm form, String actor) {
        Account account = accounts.lock(accountId);
        FieldErrors errors = new FieldErrors();
        Account changed = new Account();
        changed.id = account.id;
        readAccount(form, changed, errors);
        errors.throwIfAny();
        // The postcode is guest pay's second factor: its change is on record like the others.
        Changes changes = Changes.of()
                .field("accountNumber", account.number, changed.number)
                .field("serviceAddress", account.serviceAddress, changed.serviceAddress)
                .field("postcode", account.postcode, changed.postcode)
                .field("status", account.status, changed.status);
        account.number = changed.number;
        account.serviceAddress = changed.serviceAddress;
        account.postcode = changed.postcode;
        if (form.city() != null) {
            account.city = changed.city;
        }
        boolean closing = account.status == AccountStatus.ACTIVE && changed.status == AccountStatus.CLOSED;
        account.status = changed.status;
        audit.change(actor, "account.update", "account:" + account.id, null, changes);
        if (closing && account.customer.accounts.stream().allMatch(a -> a.status == AccountStatus.CLOSED)) {
            // Observers act in this transaction: if one fails (Keycloak down), the closing fails too.
            customerClosed.fire(new CustomerClosed(account.customer.id, actor));
        }
        return account;
    }

    /** The customer's one checkbox: bills by e-mail only, or on paper. */
    @Transactional
    public void setPaperless(Long customerId, Long accountId, boolean paperless, String actor) {
        Account account = accounts.lockOwnedBy(accountId, customerId);
        if (account.paperless != paperless) {
            audit.change(
                    actor,
                    paperless ? "paperless.on" : "paperless.off",
                    "account:" + account.id,
                    null,
                    account.paperless ? "paperless" : "paper",
                    paperless ? "paperless" : "paper");
            account.paperless = paperless;
        }
    }

    /**
     * What would be wrong with this customer and account, written nowhere: for imports, which
     * check every row before applying any. {@code accountId} is the account the row updates, if any.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FieldErrors check(CustomerForm form, Long accountId) {
        FieldErrors errors = new FieldErrors();
        readCustomer(form, new Customer(), errors);
        Account account = new Account();
        account.id = accountId;
        readAccount(
                new AccountForm(form.accountNumber(), form.serviceAddress(), form.postcode(), "ACTIVE", form.city()),
                account,
                errors);
        return errors;
    }

    private void readCustomer(CustomerForm form, Customer into, FieldErrors errors) {
        into.kind = FormInput.choice(errors, "kind", form.kind(), CustomerKind.class);
        into.name = FormInput.text(errors, "name", form.name(), true, 200);
        into.email = FormInput.email(errors, "email", form.email(), true);
        String phone = FormInput.phone(errors, "phone", form.phone());
        into.phone = phone == null || phone.isEmpty() ? null : phone;
        String language = form.language() == null ? "" : form.language().strip();
        if (!LANGUAGES.contains(language)) {
            errors.reject("language", "error_choice");
        }
        into.language = language;
    }

    private void readAccount(AccountForm form, Account into, FieldErrors errors) {
        String number = form.number() == null ? "" : form.number().strip().toUpperCase(Locale.ROOT);
        if (number.isEmpty()) {
            do {
                number = numbers.next();
            } while (accounts.findByNumber(number).isPresent());
        } else if (!ACCOUNT_NUMBER.matcher(number).matches()) {
            errors.reject("accountNumber", "error_account_number");
        } else {
            String wanted = number;
            accounts.findByNumber(number)
                    .filter(other -> !other.id.equals(into.id))
                    .ifPresent(other -> errors.reject("accountNumber", "error_account_number_taken"));
            number = wanted;
        }
        into.number = number;
        into.serviceAddress = FormInput.text(errors, "serviceAddress", form.serviceAddress(), true, 500);
        String postcode = FormInput.text(errors, "postcode", form.postcode(), true, 20);
        into.postcode = postcode == null ? null : postcode.toUpperCase(Locale.ROOT);
        into.status = FormInput.choice(errors, "status", form.status(), AccountStatus.class);
        String city = FormInput.text(errors, "city", form.city(), false, 100);
        into.city = city == null || city.isEmpty() ? null : city;
    }
}
