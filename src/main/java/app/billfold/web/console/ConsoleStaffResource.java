package app.billfold.web.console;

import app.billfold.common.BusinessRuleException;
import app.billfold.common.FieldErrors;
import app.billfold.common.InvalidInputException;
import app.billfold.identity.AppUser;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
import app.billfold.identity.StaffMembers;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/** Admins manage the console's users: invite a clerk or admin, disable or enable one. */
@Path("/console/staff")
@RolesAllowed(Role.ADMIN_ROLE)
@Produces(MediaType.TEXT_HTML)
public class ConsoleStaffResource {

    @CheckedTemplate(basePath = "console/staff")
    static class Templates {
        static native TemplateInstance list(
                List<AppUser> staff, String email, String role, FieldErrors errors, String refusal);
    }

    @Inject
    StaffMembers members;

    @Inject
    CurrentUser user;

    @GET
    public TemplateInstance list() {
        return Templates.list(members.all(), "", "CLERK", new FieldErrors(), null);
    }

    @POST
    @Path("invite")
    public Response invite(@RestForm String email, @RestForm String role) {
        String shown = email == null ? "" : email.strip();
        try {
            members.invite(email, role, user.email());
        } catch (InvalidInputException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.list(members.all(), shown, role, e.errors(), null))
                    .build();
        } catch (BusinessRuleException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.list(members.all(), shown, role, new FieldErrors(), e.messageKey()))
                    .build();
        }
        return Redirects.seeOther("/console/staff", "notice_staff_invited");
    }

    @POST
    @Path("{id}/disable")
    public Response disable(@RestPath Long id) {
        try {
            members.setEnabled(id, false, user.email());
        } catch (BusinessRuleException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.list(members.all(), "", "CLERK", new FieldErrors(), e.messageKey()))
                    .build();
        }
        return Redirects.seeOther("/console/staff", "notice_settings_saved");
    }

    @POST
    @Path("{id}/enable")
    public Response enable(@RestPath Long id) {
        members.setEnabled(id, true, user.email());
        return Redirects.seeOther("/console/staff", "notice_settings_saved");
    }
}
