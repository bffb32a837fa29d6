package app.billfold.web.console;

import app.billfold.audit.AuditEntry;
import app.billfold.audit.AuditLog;
import app.billfold.biller.Biller;
import app.billfold.common.FieldErrors;
import app.billfold.common.FormInput;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.identity.Role;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The audit trail: every clerk, admin and system action with who, what, when, and the state before
 * and after; filtered by person, action, subject (an account: "account:42") and dates.
 */
@Path("/console/audit")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleAuditResource {

    /** Entries a page: a day's work of a busy office reads in a few pages. */
    static final int PAGE_SIZE = 50;

    /** The filter as typed, to show it back. */
    public record Filter(String actor, String action, String subject, String from, String until) {}

    @CheckedTemplate(basePath = "console/audit")
    static class Templates {
        static native TemplateInstance trail(
                List<AuditEntry> entries,
                PageLinks pages,
                Filter filter,
                FieldErrors errors,
                java.util.Map<String, app.billfold.report.AuditSubjects.Named> subjects,
                String currency);
    }

    @Inject
    AuditLog audit;

    @Inject
    Biller biller;

    @Inject
    app.billfold.report.AuditSubjects subjects;

    @GET
    public Response trail(
            @RestQuery String actor,
            @RestQuery String action,
            @RestQuery String subject,
            @RestQuery String from,
            @RestQuery String until,
            @RestQuery String page) {
        FieldErrors errors = new FieldErrors();
        LocalDate fromDay = FormInput.date(errors, "from", from, false);
        LocalDate untilDay = FormInput.date(errors, "until", until, false);
        String who = FormInput.text(errors, "actor", actor, false, 254);
        String what = FormInput.text(errors, "action", action, false, 60);
        String about = FormInput.text(errors, "subject", subject, false, 120);
        ZoneId zone = biller.settings().zone();
        var filter = new Filter(
                who == null ? "" : who,
                what == null ? "" : what,
                about == null ? "" : about,
                fromDay == null ? "" : fromDay.toString(),
                untilDay == null ? "" : untilDay.toString());
        Page<AuditEntry> entries = audit.search(
                new AuditLog.Filter(
                        filter.actor(),
                        filter.action(),
                        subjects.subjectFor(filter.subject()),
                        fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                        untilDay == null
                                ? null
                                : untilDay.plusDays(1).atStartOfDay(zone).toInstant()),
                Paging.of(page, PAGE_SIZE));
        PageLinks pages = PageLinks.of(
                "/console/audit",
                Map.of(
                        "actor", filter.actor(),
                        "action", filter.action(),
                        "subject", filter.subject(),
                        "from", filter.from(),
                        "until", filter.until()),
                entries);
        return Response.status(errors.isEmpty() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(Templates.trail(
                        entries.items(),
                        pages,
                        filter,
                        errors,
                        subjects.name(entries.items()),
                        biller.settings().currency))
                .build();
    }
}
