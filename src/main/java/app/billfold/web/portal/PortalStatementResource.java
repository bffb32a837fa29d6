package app.billfold.web.portal;

import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.report.Statement;
import app.billfold.report.StatementPdf;
import app.billfold.report.Statements;
import app.billfold.web.common.RequestLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A statement of one of the customer's accounts for a chosen period (the last twelve months unless
 * another is chosen), as a page and as a PDF. Only the signed-in customer's own accounts.
 */
@Path("/portal/statements")
@RolesAllowed(Role.CUSTOMER_ROLE)
public class PortalStatementResource {

    /** The longest period a statement covers. */
    static final int MAX_YEARS = 10;

    @CheckedTemplate(basePath = "portal/statements")
    static class Templates {
        static native TemplateInstance statement(
                Statement statement, String from, String to, FieldErrors errors, LocalDate openingDay);
    }

    @Inject
    CurrentUser user;

    @Inject
    Statements statements;

    @Inject
    StatementPdf pdf;

    @Inject
    Biller biller;

    @Inject
    RequestLocale locale;

    /** The chosen period, or the default one with the errors of what was typed. */
    record Period(LocalDate from, LocalDate to, String typedFrom, String typedTo, FieldErrors errors) {}

    @GET
    @Path("{number:[^/.]+}")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@RestPath String number, @RestQuery String from, @RestQuery String to) {
        Period period = period(from, to);
        Statement statement = statements.forCustomer(user.customerId(), number, period.from(), period.to());
        TemplateInstance page = Templates.statement(
                statement,
                period.typedFrom(),
                period.typedTo(),
                period.errors(),
                period.from().minusDays(1));
        return Response.status(period.errors().isEmpty() ? 200 : 400)
                .entity(page)
                .build();
    }

    @GET
    @Path("{number:[^/.]+}.pdf")
    @Produces("application/pdf")
    public Response file(@RestPath String number, @RestQuery String from, @RestQuery String to) {
        Period period = period(from, to);
        if (!period.errors().isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("The period is not valid: from and to are dates (YYYY-MM-DD), from before to.")
                    .build();
        }
        Statement statement = statements.forCustomer(user.customerId(), number, period.from(), period.to());
        byte[] bytes = pdf.render(statement, biller.settings(), locale.locale());
        String name = "statement-" + statement.accountNumber() + "-" + period.from() + "-" + period.to() + ".pdf";
        return Response.ok(bytes, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private Period period(String from, String to) {
        LocalDate[] fallback = statements.defaultPeriod();
        FieldErrors errors = new FieldErrors();
        LocalDate start = FormInput.date(errors, "from", from, false);
        LocalDate end = FormInput.date(errors, "to", to, false);
        start = start == null ? fallback[0] : start;
        end = end == null ? fallback[1] : end;
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.reject("to", "statement_error_order");
        } else if (errors.isEmpty() && start.plusYears(MAX_YEARS).isBefore(end)) {
            errors.reject("from", "statement_error_span");
        }
        String typedFrom = from == null || from.isBlank() ? start.toString() : from.strip();
        String typedTo = to == null || to.isBlank() ? end.toString() : to.strip();
        if (!errors.isEmpty()) {
            return new Period(fallback[0], fallback[1], typedFrom, typedTo, errors);
        }
        return new Period(start, end, typedFrom, typedTo, errors);
    }
}
