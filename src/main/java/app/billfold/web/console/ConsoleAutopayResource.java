package app.billfold.web.console;

import app.billfold.autopay.AutopayQueue;
import app.billfold.autopay.AutopayRun;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
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

/** Failed autopays and cards about to expire, for clerks to follow up; and a manual run. */
@Path("/console/autopay")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleAutopayResource {

    @CheckedTemplate(basePath = "console/autopay")
    static class Templates {
        static native TemplateInstance queue(List<AutopayQueue.Failed> failed, List<AutopayQueue.Expiring> expiring);
    }

    @Inject
    AutopayQueue queue;

    @Inject
    AutopayRun run;

    @Inject
    app.billfold.audit.AuditLog audit;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance queue() {
        return Templates.queue(queue.failed(), queue.expiring());
    }

    /** Runs autopay now, as the hourly job would; safe at any time (nothing is charged twice). */
    @POST
    @Path("run")
    public Response runNow() {
        run.run();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> audit.record(user.email(), "autopay.run", "autopay", null));
        return Redirects.seeOther("/console/autopay", "notice_autopay_ran");
    }
}
