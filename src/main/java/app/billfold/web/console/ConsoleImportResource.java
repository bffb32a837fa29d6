package app.billfold.web.console;

import app.billfold.account.CustomerImport;
import app.billfold.audit.AuditLog;
import app.billfold.common.UploadedCsv;
import app.billfold.identity.CurrentUser;
import app.billfold.identity.Role;
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
import java.io.IOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Customer and account import: upload, preview what each row would do, then import. The preview
 * carries the file's text to the confirming form, which is checked again before anything is saved.
 */
@Path("/console/customers/import")
@RolesAllowed({Role.CLERK_ROLE, Role.ADMIN_ROLE})
@Produces(MediaType.TEXT_HTML)
public class ConsoleImportResource {

    static final int MAX_BYTES = 700 * 1024;

    @CheckedTemplate(basePath = "console/customers")
    static class Templates {
        static native TemplateInstance importer(CustomerImport.Preview preview, String csv, boolean done);
    }

    @Inject
    CustomerImport importer;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @GET
    public TemplateInstance form() {
        return Templates.importer(null, "", false);
    }

    @POST
    @Path("preview")
    public Response preview(@RestForm("file") FileUpload file) throws IOException {
        String csv = file == null || file.size() == 0 || file.size() > MAX_BYTES
                ? ""
                : UploadedCsv.decode(Files.readAllBytes(file.uploadedFile())).orElse(null);
        CustomerImport.Preview preview = csv == null ? CustomerImport.NOT_UTF8 : importer.preview(csv);
        if (preview.valid() && file != null) {
            // Reading a file of customers' details is on record, even if it is never imported.
            audit.read(
                    user.email(),
                    "customers.import.preview",
                    "customers",
                    file.fileName() + ", " + preview.rows().size() + " rows");
        }
        return Response.status(preview.valid() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(Templates.importer(preview, csv == null ? "" : csv, false))
                .build();
    }

    @POST
    public Response apply(@RestForm String csv) {
        CustomerImport.Preview result = importer.apply(csv, user.email());
        return Response.status(result.valid() ? Response.Status.OK : Response.Status.BAD_REQUEST)
                .entity(Templates.importer(result, csv, result.valid()))
                .build();
    }
}
