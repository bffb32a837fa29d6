package app.billfold.web.common;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;

/**
 * Gives every page the language of the request it answers. It must happen when the page is created:
 * a resource that returns a template directly has it rendered before any response filter runs.
 */
@ApplicationScoped
public class PageLocale implements TemplateInstance.Initializer {

    @Inject
    RequestLocale locale;

    void register(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(this);
    }

    @Override
    public void accept(TemplateInstance page) {
        // Only while answering a web request, and never over a locale chosen on purpose (a PDF or
        // an e-mail in the customer's language).
        if (CurrentRequestManager.get() != null && page.getAttribute(TemplateInstance.LOCALE) == null) {
            page.setLocale(locale.locale());
        }
    }
}
