package app.billfold.web.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Refuses a request with a NUL character in a query or form value (files aside): no field of
 * Billfold takes one, and PostgreSQL refuses to store or even compare text holding it, which used
 * to surface as a 500 from whichever page passed the value on. A form field with no name is
 * refused too: none of Billfold's forms sends one.
 */
public class NulCharacters {

    @Inject
    ErrorPages errorPages;

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request) {
        for (List<String> values : request.getUriInfo().getQueryParameters().values()) {
            if (values.stream().anyMatch(NulCharacters::holdsNul)) {
                return refused();
            }
        }
        FormData form = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormData();
        if (form != null) {
            for (String name : form) {
                // No Billfold form has a field without a name; a map-reading resource fails on one.
                if (name.isEmpty() || holdsNul(name)) {
                    return refused();
                }
                for (FormValue value : form.get(name)) {
                    if (!value.isFileItem() && holdsNul(value.getValue())) {
                        return refused();
                    }
                }
            }
        }
        return null;
    }

    private Response refused() {
        return errorPages.page(Response.Status.BAD_REQUEST, "error_invalid_title", "error_invalid_text");
    }

    private static boolean holdsNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }
}
