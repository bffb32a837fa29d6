package app.billfold.web.console;

import app.billfold.autopay.AutopayQueue;
import app.billfold.autopay.AutopayRunRecord;
import app.billfold.autopay.AutopayRuns;
import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Failed autopays and cards about to expire, for clerks to follow up; and a manual run. */
@Path("/console/autopay")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleAutopayResource {

    @CheckedTemplate(basePath = "console/autopay")
    static class Templates {
        static native TemplateInstance queue(
                List<AutopayQueue.Failed> failed,
                PageLinks failedPages,
                List<AutopayQueue.Expiring> expiring,
                PageLinks expiringPages,
                List<AutopayRunRecord> runs);

        static native TemplateInstance run(AutopayRunRecord run);
    }

    /** Failed autopays, and cards expiring, a page each. */
    static final int PAGE_SIZE = 50;

    @Inject
    AutopayQueue queue;

    @Inject
    AutopayRuns runs;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance queue(@RestQuery String page, @RestQuery String expiringPage) {
        Page<AutopayQueue.Failed> failed = queue.failed(Paging.of(page, PAGE_SIZE));
        Page<AutopayQueue.Expiring> expiring = queue.expiring(Paging.of(expiringPage, PAGE_SIZE));
        return Templates.queue(
                failed.items(),
                PageLinks.of("/console/autopay", Map.of("expiringPage", expiring.number()), failed),
                expiring.items(),
                PageLinks.of("/console/autopay", Map.of("page", failed.number()), expiring, "expiringPage"),
                runs.recent(5));
    }

    /**
     * Starts autopay now, in the background, as the hourly job would (nothing is charged twice),
     * and leads to the page that follows its progress.
     */
    @POST
    @Path("run")
    public Response runNow() {
        Long id = runs.start(user.email());
        return Redirects.seeOther("/console/autopay/runs/" + id);
    }

    @GET
    @Path("runs/{id}")
    public TemplateInstance progress(@RestPath Long id) {
        return Templates.run(runs.record(id));
    }
}
