package app.billfold.web.console;

import app.billfold.audit.AuditLog;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.notify.Outbox;
import app.billfold.notify.OutboxMessage;
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
import java.util.Set;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** The message log: what was sent to whom, what is waiting, what died; dead messages can be resent. */
@Path("/console/messages")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleMessagesResource {

    static final Set<String> STATUSES = Set.of("PENDING", "RETRY", "SENT", "DEAD", "SKIPPED");

    @CheckedTemplate(basePath = "console/messages")
    static class Templates {
        static native TemplateInstance log(List<OutboxMessage> messages, String status, String to);
    }

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance log(@RestQuery String status, @RestQuery String to) {
        String chosen = status != null && STATUSES.contains(status) ? status : "";
        String recipient = to == null ? "" : to.strip();
        return Templates.log(outbox.log(chosen, recipient, 200), chosen, recipient);
    }

    @POST
    @Path("{id}/resend")
    public Response resend(@RestPath Long id) {
        // A message that is not failed is refused with a page saying so (ErrorMappers).
        outbox.resend(id, user.email(), audit);
        return Redirects.seeOther("/console/messages", "notice_message_resent");
    }
}
