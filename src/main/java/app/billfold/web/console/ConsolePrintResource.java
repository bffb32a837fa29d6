package app.billfold.web.console;

import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.export.ExportsConfig;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.notify.PrintQueue;
import app.billfold.web.common.PageLinks;
import app.billfold.web.common.Redirects;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** The print queue: paper bills waiting, one merged PDF, then marked printed. */
@Path("/console/print")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsolePrintResource {

    @CheckedTemplate(basePath = "console/print")
    static class Templates {
        static native TemplateInstance queue(
                List<PrintQueue.Waiting> waiting,
                int count,
                int batchSize,
                PageLinks pages,
                boolean printPaid,
                boolean admin);
    }

    /** Bills of the queue a page (and at most what one download of chosen bills merges). */
    static final int PAGE_SIZE = 50;

    @Inject
    PrintQueue queue;

    @Inject
    CurrentUser user;

    @Inject
    ExportsConfig exportsConfig;

    @Inject
    app.billfold.biller.Biller biller;

    /** The biller's rule for bills paid or voided while they waited (admins). */
    @POST
    @Path("rule")
    @RolesAllowed(Role.ADMIN_ROLE)
    public Response rule(@RestForm String printPaid) {
        queue.printPaidBills("true".equals(printPaid), user.email());
        return Redirects.seeOther("/console/print", "notice_settings_saved");
    }

    @GET
    public TemplateInstance queue(@RestQuery String page) {
        Page<PrintQueue.Waiting> waiting = queue.waiting(Paging.of(page, PAGE_SIZE));
        return Templates.queue(
                waiting.items(),
                (int) queue.waitingCount(),
                exportsConfig.printBatchSize(),
                PageLinks.of("/console/print", Map.of(), waiting),
                biller.settings().printPaidBills,
                user.isAdmin());
    }

    @GET
    @Path("bills.pdf")
    @Produces("application/pdf")
    public Response merged(@RestQuery List<Long> invoice) {
        // The bills chosen on one page, merged at once; the whole queue is a print batch made in the background.
        if (invoice == null || invoice.isEmpty() || invoice.size() > PAGE_SIZE) {
            return Redirects.seeOther("/console/print");
        }
        byte[] pdf = queue.mergedPdf(invoice, user.email());
        if (pdf.length == 0) {
            return Redirects.seeOther("/console/print");
        }
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"paper-bills.pdf\"")
                .build();
    }

    /** Marks as printed exactly the bills listed on the page the clerk printed from. */
    @POST
    @Path("done")
    public Response done(@RestForm List<Long> invoice) {
        queue.markPrinted(invoice == null ? List.of() : invoice, user.email());
        return Redirects.seeOther("/console/print", "notice_printed");
    }
}
