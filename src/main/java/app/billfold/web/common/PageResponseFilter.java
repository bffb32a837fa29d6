package app.billfold.web.common;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Finishes every page: hands out the CSRF cookie when the browser has none yet, and keeps personal
 * pages out of shared caches.
 */
public class PageResponseFilter {

    @Inject
    CsrfToken csrf;

    @Inject
    Cookies cookies;

    @ServerResponseFilter
    public void finish(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (response.getEntity() instanceof TemplateInstance
                || (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE))) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            // A page may render after this filter: make the token its forms will carry now.
            csrf.token();
        }
        if (csrf.isFresh()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.csrf(csrf.token()));
        }
    }
}
