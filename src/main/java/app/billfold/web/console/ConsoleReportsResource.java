package app.billfold.web.console;

import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.report.AdoptionReport;
import app.billfold.report.AgingReport;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jboss.resteasy.reactive.RestQuery;

/** Reports for clerks: aging of what is owed (page and CSV), and the take-up of self-service. */
@Path("/console/reports")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
public class ConsoleReportsResource {

    static final int MONTHS = 12;

    @CheckedTemplate(basePath = "console/reports")
    static class Templates {
        static native TemplateInstance aging(AgingReport.Report report, String asOf, FieldErrors errors);

        static native TemplateInstance adoption(List<AdoptionReport.Month> months, AdoptionChart chart);
    }

    @Inject
    AgingReport aging;

    @Inject
    AdoptionReport adoption;

    @Inject
    Biller biller;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @GET
    @Path("aging")
    @Produces(MediaType.TEXT_HTML)
    public Response aging(@RestQuery String asOf) {
        FieldErrors errors = new FieldErrors();
        LocalDate day = FormInput.date(errors, "asOf", asOf, false);
        LocalDate shown = day == null ? biller.today() : day;
        return Response.status(errors.isEmpty() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(Templates.aging(
                        aging.asOf(shown), asOf == null || !errors.isEmpty() ? shown.toString() : asOf, errors))
                .build();
    }

    /** The same figures for a spreadsheet: one row per account, then the totals. */
    @GET
    @Path("aging.csv")
    @Produces("text/csv")
    public Response agingCsv(@RestQuery String asOf) {
        FieldErrors errors = new FieldErrors();
        LocalDate day = FormInput.date(errors, "asOf", asOf, false);
        if (!errors.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("asOf must be a date like 2026-03-31.")
                    .build();
        }
        AgingReport.Report report = aging.asOf(day == null ? biller.today() : day);
        audit.read(
                user.email(),
                "export.aging",
                "aging",
                "as of " + report.asOf() + ", " + report.rows().size() + " accounts");
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = CSVFormat.RFC4180
                .builder()
                .setHeader("account", "customer", "current", "1-30", "31-60", "61-90", "90+", "total", "credit", "net")
                .get()
                .print(out)) {
            for (AgingReport.Row row : report.rows()) {
                print(csv, row.accountNumber(), row.customerName(), row);
            }
            print(csv, "TOTAL", "", report.totals());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"aging-" + report.asOf() + ".csv\"")
                .build();
    }

    @GET
    @Path("adoption")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance adoption() {
        List<AdoptionReport.Month> months = adoption.lastMonths(MONTHS);
        return Templates.adoption(months, AdoptionChart.of(months));
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
