package app.billfold.account;

import app.billfold.audit.AuditLog;
import app.billfold.common.FieldErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Customers and accounts from a CSV file with the header
 * name,email,phone,account_number,service_address,postcode,paperless,language. The account number
 * is the key: a row whose account exists updates it (and its customer) where something differs, a
 * new account number with the e-mail of a known customer opens an account for them, anything else
 * creates a customer. Every row is checked first, with the same rules as the console's forms; a
 * preview says what each row would do; nothing is applied while a row is wrong; importing the same
 * file twice changes nothing the second time.
 */
@ApplicationScoped
public class CustomerImport {

    static final List<String> HEADER =
            List.of("name", "email", "phone", "account_number", "service_address", "postcode", "paperless", "language");
    static final int MAX_ROWS = 20_000;

    public enum Action {
        CREATE,
        ADD_ACCOUNT,
        UPDATE,
        UNCHANGED
    }

    /** One row: its line in the file, what it would do, and what is wrong with it (message keys). */
    public record Row(long line, String accountNumber, String name, Action action, List<String> problems) {}

    public record Preview(List<Row> rows) {

        public boolean valid() {
            return !rows.isEmpty() && rows.stream().allMatch(r -> r.problems().isEmpty());
        }

        public long count(Action action) {
            return rows.stream().filter(r -> r.action() == action).count();
        }
    }

    /** The answer to a file that is not UTF-8. */
    public static final Preview NOT_UTF8 =
            new Preview(List.of(new Row(1, "", "", Action.UNCHANGED, List.of("error_import_not_utf8"))));

    private record Parsed(Row row, CustomerForm form, boolean paperless) {}

    @Inject
    Customers customers;

    @Inject
    AccountRepository accounts;

    @Inject
    CustomerRepository customerRecords;

    @Inject
    AuditLog audit;

    /** What the file would do, written nowhere. */
    @Transactional
    public Preview preview(String text) {
        return new Preview(parse(text).stream().map(Parsed::row).toList());
    }

    /** Applies the file if every row is right; returns the preview either way. */
    @Transactional
    public Preview apply(String text, String actor) {
        List<Parsed> parsed = parse(text);
        Preview preview = new Preview(parsed.stream().map(Parsed::row).toList());
        if (!preview.valid()) {
            return preview;
        }
        for (Parsed p : parsed) {
            CustomerForm form = p.form();
            switch (p.row().action()) {
                case CREATE -> {
                    Customer created = customers.create(form, actor);
                    setPaperless(created.accounts.get(0), p.paperless(), actor);
                }
                case ADD_ACCOUNT -> {
                    Customer owner = byEmail(form.email()).orElseThrow();
                    Account opened = customers.openAccount(
                            owner.id,
                            new AccountForm(form.accountNumber(), form.serviceAddress(), form.postcode(), "ACTIVE"),
                            actor);
                    setPaperless(opened, p.paperless(), actor);
                }
                case UPDATE -> {
                    Account account = accounts.findByNumber(normalised(form.accountNumber()))
                            .orElseThrow();
                    // The file has no kind column: a business customer stays one.
                    customers.update(
                            account.customer.id,
                            new CustomerForm(
                                    account.customer.kind.name(),
                                    form.name(),
                                    form.email(),
                                    form.phone(),
                                    form.language(),
                                    form.accountNumber(),
                                    form.serviceAddress(),
                                    form.postcode()),
                            actor);
                    customers.updateAccount(
                            account.id,
                            new AccountForm(
                                    account.number, form.serviceAddress(), form.postcode(), account.status.name()),
                            actor);
                    setPaperless(account, p.paperless(), actor);
                }
                case UNCHANGED -> {
                    // nothing to do
                }
            }
        }
        audit.record(
                actor,
                "customers.import",
                "customers",
                preview.count(Action.CREATE) + " created, " + preview.count(Action.ADD_ACCOUNT) + " accounts added, "
                        + preview.count(Action.UPDATE) + " updated, " + preview.count(Action.UNCHANGED) + " unchanged");
        return preview;
    }

    private List<Parsed> parse(String text) {
        List<Parsed> rows = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        Set<String> emails = new HashSet<>();
        try (CSVParser parser = app.billfold.common.UploadedCsv.parse(text)) {
            if (!parser.getHeaderNames().equals(HEADER)) {
                return List.of(problem(1, "", "error_import_header"));
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (rows.size() >= MAX_ROWS) {
                    rows.add(problem(line, "", "error_import_too_many"));
                    break;
                }
                if (!record.isConsistent()) {
                    rows.add(problem(line, "", "error_import_columns"));
                    continue;
                }
                rows.add(read(record, line, numbers, emails));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            return List.of(problem(1, "", "error_import_unreadable"));
        }
        if (rows.isEmpty()) {
            return List.of(problem(1, "", "error_import_empty"));
        }
        return rows;
    }

    /** {@code emails}: the addresses of customers this file creates, so that later rows add accounts. */
    private Parsed read(CSVRecord record, long line, Set<String> numbers, Set<String> emails) {
        String number = normalised(record.get("account_number"));
        CustomerForm form = new CustomerForm(
                "PERSON",
                record.get("name"),
                record.get("email"),
                record.get("phone"),
                record.get("language").toLowerCase(Locale.ROOT),
                number,
                record.get("service_address"),
                record.get("postcode"));
        List<String> problems = new ArrayList<>();
        Boolean paperless = switch (record.get("paperless").toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "oui" -> true;
            case "no", "false", "0", "non", "" -> false;
            default -> null;
        };
        if (paperless == null) {
            problems.add("error_import_paperless");
        }
        if (number.isEmpty()) {
            problems.add("error_import_account_number");
        } else if (!numbers.add(number)) {
            problems.add("error_import_duplicate");
        }
        Optional<Account> existing = number.isEmpty() ? Optional.empty() : accounts.findByNumber(number);
        FieldErrors errors = customers.check(form, existing.map(a -> a.id).orElse(null));
        problems.addAll(errors.asMap().values());
        Action action;
        if (existing.isPresent()) {
            action = same(existing.get(), form, Boolean.TRUE.equals(paperless)) ? Action.UNCHANGED : Action.UPDATE;
        } else {
            String email = record.get("email").strip().toLowerCase(Locale.ROOT);
            action = emails.contains(email) || byEmail(email).isPresent() ? Action.ADD_ACCOUNT : Action.CREATE;
            if (action == Action.CREATE) {
                emails.add(email);
            }
        }
        return new Parsed(new Row(line, number, form.name(), action, problems), form, Boolean.TRUE.equals(paperless));
    }

    private static boolean same(Account account, CustomerForm form, boolean paperless) {
        Customer c = account.customer;
        return c.name.equals(form.name().strip())
                && c.email.equalsIgnoreCase(form.email().strip())
                && java.util.Objects.equals(c.phone, phoneOf(form))
                && c.language.equals(form.language())
                && account.serviceAddress.equals(form.serviceAddress().strip())
                && account.postcode.equalsIgnoreCase(form.postcode().strip())
                && account.paperless == paperless;
    }

    private static String phoneOf(CustomerForm form) {
        String phone = app.billfold.common.FormInput.phone(new FieldErrors(), "phone", form.phone());
        return phone == null || phone.isEmpty() ? null : phone;
    }

    private Optional<Customer> byEmail(String email) {
        return customerRecords
                .find("lower(email)", email.strip().toLowerCase(Locale.ROOT))
                .firstResultOptional();
    }

    private void setPaperless(Account account, boolean paperless, String actor) {
        customers.setPaperless(account.customer.id, account.id, paperless, actor);
    }

    private static String normalised(String number) {
        return number == null ? "" : number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    private static Parsed problem(long line, String number, String key) {
        return new Parsed(new Row(line, number, "", Action.UNCHANGED, List.of(key)), null, false);
    }
}
