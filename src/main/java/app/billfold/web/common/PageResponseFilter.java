package app.billfold.web.common;

import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Finishes every page: renders it in the request's language, hands out the CSRF cookie when the
 * browser has none yet, and keeps personal pages out of shared caches.
 */
public class PageResponseFilter {

    @Inject
    RequestLocale locale;

    @Inject
    CsrfToken csrf;

    @Inject
    Cookies cookies;

    @ServerResponseFilter
    public void finish(ContainerResponseContext response) {
        if (response.getEntity() instanceof TemplateInstance page) {
            page.setLocale(locale.locale());
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            // Pages render after this filter, so the token their forms will carry is made now.
            csrf.token();
        }
        if (csrf.isFresh()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookies.csrf(csrf.token()));
        }
    }
}
