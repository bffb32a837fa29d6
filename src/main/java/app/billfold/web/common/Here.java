package app.billfold.web.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.UriInfo;

/** The page being shown, so that the language switcher can come back to it. */
@RequestScoped
@Named("here")
public class Here {

    @Inject
    UriInfo uri;

    /** Path and query of this page, without a one-off notice. */
    public String path() {
        StringBuilder path = new StringBuilder(uri.getRequestUri().getRawPath());
        String query = uri.getRequestUri().getRawQuery();
        if (query != null) {
            String kept = java.util.Arrays.stream(query.split("&"))
                    .filter(p -> !p.startsWith(Notice.PARAM + "="))
                    .reduce((a, b) -> a + "&" + b)
                    .orElse("");
            if (!kept.isEmpty()) {
                path.append('?').append(kept);
            }
        }
        return path.toString();
    }
}
