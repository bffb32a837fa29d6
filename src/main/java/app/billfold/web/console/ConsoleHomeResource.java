package app.billfold.web.console;

import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.identity.Role;
import app.billfold.invoice.Invoice;
import app.billfold.payment.Disputes;
import app.billfold.report.Dashboard;
import app.billfold.web.common.PageLinks;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/** The console's home page (what needs a clerk today) and the lists of unpaid bills it links to. */
@Path("/console")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleHomeResource {

    @CheckedTemplate(basePath = "console/home")
    static class Templates {
        static native TemplateInstance home(Dashboard.Figures figures, long openDisputes);

        static native TemplateInstance unpaid(
                Dashboard.Unpaid which, Dashboard.Figures figures, List<Invoice> bills, PageLinks pages);
    }

    /** Unpaid bills a page. */
    static final int PAGE_SIZE = 50;

    @Inject
    Dashboard dashboard;

    @Inject
    Disputes disputes;

    @GET
    public TemplateInstance home() {
        return Templates.home(dashboard.today(), disputes.openCount());
    }

    /** Unpaid bills due today ({@code due=due-today}) or overdue ({@code due=overdue}, the default). */
    @GET
    @Path("invoices")
    public TemplateInstance unpaid(@RestQuery String due, @RestQuery String page) {
        Dashboard.Unpaid which = Dashboard.Unpaid.named(due).orElse(Dashboard.Unpaid.OVERDUE);
        Page<Invoice> bills = dashboard.list(which, Paging.of(page, PAGE_SIZE));
        return Templates.unpaid(
                which,
                dashboard.today(),
                bills.items(),
                PageLinks.of("/console/invoices", Map.of("due", due == null ? "" : due), bills));
    }
}
