package app.billfold.web.common;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

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
        if (Arc.container().requestContext().isActive()) {
            page.setLocale(locale.locale());
        }
    }
}
