package app.billfold.export;

import app.billfold.account.Account;
import app.billfold.report.AgingReport;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The aging report of a day as CSV: one row per account owing or in credit, then the totals. The
 * accounts are walked by number in ranges, each range read on its own (its accounts' bills only),
 * so neither memory nor any one read grows with the number of accounts.
 */
@ApplicationScoped
public class AgingCsv {

    @Inject
    AgingReport aging;

    @Inject
    ExportsConfig config;

    public ExportFile write(LocalDate day, OutputStream out, Progress progress) throws IOException {
        progress.total(QuarkusTransaction.requiringNew().call(() -> (int) Account.count()));
        Writer text = new OutputStreamWriter(new ShieldedStream(out), StandardCharsets.UTF_8);
        AgingReport.Row totals = null;
        try (CSVPrinter csv = CSVFormat.RFC4180
                .builder()
                .setHeader("account", "customer", "current", "1-30", "31-60", "61-90", "90+", "total", "credit", "net")
                .get()
                .print(text)) {
            String after = null;
            while (true) {
                String from = after;
                List<String> numbers =
                        QuarkusTransaction.requiringNew().call(() -> aging.accountNumbers(from, config.readPageSize()));
                if (numbers.isEmpty()) {
                    break;
                }
                String last = numbers.get(numbers.size() - 1);
                List<AgingReport.Row> rows =
                        QuarkusTransaction.requiringNew().call(() -> aging.rows(day, from, last, Integer.MAX_VALUE, 0));
                for (AgingReport.Row row : rows) {
                    print(csv, row.accountNumber(), row.customerName(), row);
                    totals = totals == null ? row : sum(totals, row);
                }
                progress.advance(numbers.size());
                after = last;
            }
            AgingReport.Row sum = totals;
            print(
                    csv,
                    "TOTAL",
                    "",
                    sum != null ? sum : QuarkusTransaction.requiringNew().call(() -> aging.totals(day)));
        }
        return new ExportFile("aging-" + day + ".csv", "text/csv; charset=UTF-8");
    }

    private static AgingReport.Row sum(AgingReport.Row a, AgingReport.Row b) {
        return new AgingReport.Row(
                null,
                "",
                "",
                a.current().add(b.current()),
                a.days1to30().add(b.days1to30()),
                a.days31to60().add(b.days31to60()),
                a.days61to90().add(b.days61to90()),
                a.over90().add(b.over90()),
                a.credit().add(b.credit()));
    }

    private static void print(CSVPrinter csv, String account, String customer, AgingReport.Row row) throws IOException {
        csv.printRecord(
                account,
                customer,
                plain(row.current()),
                plain(row.days1to30()),
                plain(row.days31to60()),
                plain(row.days61to90()),
                plain(row.over90()),
                plain(row.total()),
                plain(row.credit()),
                plain(row.net()));
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
