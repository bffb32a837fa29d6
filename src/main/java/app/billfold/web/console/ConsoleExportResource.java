package app.billfold.web.console;

import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.export.ExportJob;
import app.billfold.export.ExportKind;
import app.billfold.export.Exports;
import app.billfold.export.ExportsConfig;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.notify.PrintQueue;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Long exports (print batch, e-invoice zip, aging CSV): asked for with a POST, made in the
 * background, followed on a page that refreshes itself until the file is ready, then downloaded.
 */
@Path("/console/exports")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleExportResource {

    /** A year at most per e-invoice zip: what a clerk hands an accountant. */
    static final long MAX_EINVOICE_DAYS = 366;

    @CheckedTemplate(basePath = "console/exports")
    static class Templates {
        static native TemplateInstance job(ExportJob job, int printBatchSize);

        static native TemplateInstance list(List<ExportJob> jobs);
    }

    @Inject
    Exports exports;

    @Inject
    ExportsConfig config;

    @Inject
    PrintQueue print;

    @Inject
    Biller biller;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list() {
        return Templates.list(exports.recent(20));
    }

    /** Starts the export the form names ({@code kind}: print, einvoices or aging) and leads to its page. */
    @POST
    public Response request(@RestForm String kind, @RestForm String from, @RestForm String to, @RestForm String asOf) {
        ExportKind which = ExportKind.named(kind).orElse(null);
        if (which == null) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("kind must be print, einvoices or aging.")
                    .build();
        }
        return switch (which) {
            case PRINT -> {
                long waiting = print.waitingCount();
                if (waiting == 0) {
                    yield Redirects.seeOther("/console/print");
                }
                yield started(exports.request(which, null, waiting + " bills waiting", user.email()));
            }
            case AGING -> {
                FieldErrors errors = new FieldErrors();
                LocalDate day = FormInput.date(errors, "asOf", asOf, false);
                if (!errors.isEmpty()) {
                    yield Response.status(Response.Status.BAD_REQUEST)
                            .type(MediaType.TEXT_PLAIN)
                            .entity("asOf must be a date like 2026-03-31.")
                            .build();
                }
                LocalDate shown = day == null ? biller.today() : day;
                yield started(exports.request(which, "asOf=" + shown, "as of " + shown, user.email()));
            }
            case EINVOICES -> {
                FieldErrors errors = new FieldErrors();
                LocalDate start = FormInput.date(errors, "from", from, true);
                LocalDate end = FormInput.date(errors, "to", to, true);
                if (start != null
                        && end != null
                        && (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) >= MAX_EINVOICE_DAYS)) {
                    errors.reject("to", "error_export_range");
                }
                if (!errors.isEmpty()) {
                    yield Response.status(Response.Status.BAD_REQUEST)
                            .entity(ConsoleEInvoicingResource.Templates.export(from, to, errors))
                            .build();
                }
                yield started(
                        exports.request(which, "from=" + start + "&to=" + end, start + " to " + end, user.email()));
            }
        };
    }

    @GET
    @Path("{id}")
    public TemplateInstance job(@RestPath Long id) {
        return Templates.job(exports.job(id), config.printBatchSize());
    }

    /** The finished file, streamed from its stored parts; the download is on the audit trail. */
    @GET
    @Path("{id}/file")
    @Produces(MediaType.WILDCARD)
    public Response file(@RestPath Long id) {
        ExportJob job = exports.ready(id, user.email());
        StreamingOutput body = out -> exports.copy(id, out);
        return Response.ok(body, job.contentType)
                .header("Content-Disposition", "attachment; filename=\"" + job.fileName + "\"")
                .header("Content-Length", job.sizeBytes)
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Marks printed the bills of a print batch: those queued by the time it was asked for. */
    @POST
    @Path("{id}/printed")
    public Response printed(@RestPath Long id) {
        ExportJob job = exports.job(id);
        if (job.kind != ExportKind.PRINT || !job.isReady()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_PLAIN)
                    .entity("Only a print batch that is ready can be marked printed.")
                    .build();
        }
        print.markPrintedUpTo(job.requestedAt, user.email(), "print batch " + id);
        return Redirects.seeOther("/console/print", "notice_printed");
    }

    private static Response started(Exports.Requested requested) {
        return Redirects.seeOther("/console/exports/" + requested.id());
    }
}
