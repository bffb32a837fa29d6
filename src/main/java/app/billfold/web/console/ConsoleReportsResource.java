package app.billfold.web.console;

import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.Paging;
import app.billfold.identity.Role;
import app.billfold.report.AdoptionReport;
import app.billfold.report.AgingReport;
import app.billfold.web.common.PageLinks;
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
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** Reports for clerks: aging of what is owed (page and CSV), and the take-up of self-service. */
@Path("/console/reports")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
public class ConsoleReportsResource {

    static final int MONTHS = 12;

    /** Accounts of the aging report a page. */
    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "console/reports")
    static class Templates {
        static native TemplateInstance aging(
                AgingReport.Report report, String asOf, FieldErrors errors, PageLinks pages);

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

    @GET
    @Path("aging")
    @Produces(MediaType.TEXT_HTML)
    public Response aging(@RestQuery String asOf, @RestQuery String page) {
        FieldErrors errors = new FieldErrors();
        LocalDate day = FormInput.date(errors, "asOf", asOf, false);
        LocalDate shown = day == null ? biller.today() : day;
        AgingReport.PagedReport paged = aging.page(shown, Paging.of(page, PAGE_SIZE));
        return Response.status(errors.isEmpty() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(Templates.aging(
                        paged.report(),
                        asOf == null || !errors.isEmpty() ? shown.toString() : asOf,
                        errors,
                        PageLinks.of("/console/reports/aging", Map.of("asOf", shown.toString()), paged.page())))
                .build();
    }

    @GET
    @Path("adoption")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance adoption() {
        List<AdoptionReport.Month> months = adoption.lastMonths(MONTHS);
        return Templates.adoption(months, AdoptionChart.of(months));
    }
}
