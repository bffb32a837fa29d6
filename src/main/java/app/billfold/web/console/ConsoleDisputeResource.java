package app.billfold.web.console;

import app.billfold.common.Page;
import app.billfold.common.Paging;
import app.billfold.identity.Role;
import app.billfold.payment.Dispute;
import app.billfold.payment.Disputes;
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

/** The clerks' queue of payers' disputes: the open ones to answer, then the outcomes recorded. */
@Path("/console/disputes")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleDisputeResource {

    @CheckedTemplate(basePath = "console/disputes")
    static class Templates {
        static native TemplateInstance queue(List<Dispute> disputes, PageLinks pages);
    }

    /** Disputes a page. */
    static final int PAGE_SIZE = 50;

    @Inject
    Disputes disputes;

    @GET
    public TemplateInstance queue(@RestQuery String page) {
        Page<Dispute> queue = disputes.queue(Paging.of(page, PAGE_SIZE));
        return Templates.queue(queue.items(), PageLinks.of("/console/disputes", Map.of(), queue));
    }
}
