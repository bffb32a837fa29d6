package app.billfold.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The route list the browser journeys' coverage check compares with what they visited. */
class PageRoutesTest {

    static final PageRoutes ROUTES = PageRoutes.ofTheApplication();

    @Test
    void findsTheGetRoutesOfEveryResourceAndNoPostOnlyOne() {
        assertThat(ROUTES.templates())
                .contains(
                        "/",
                        "/console/invoices/{id}/issue",
                        "/portal/settings/methods/{id}/remove",
                        "/sandbox/checkout")
                .doesNotContain("/login", "/language");
    }

    @Test
    void namesAPathByTheMostSpecificRouteServingIt() {
        assertThat(ROUTES.serving("/console/customers/new"))
                .hasValueSatisfying(r -> assertThat(r.template()).isEqualTo("/console/customers/new"));
        assertThat(ROUTES.serving("/console/customers/42"))
                .hasValueSatisfying(r -> assertThat(r.template()).isEqualTo("/console/customers/{id}"));
        assertThat(ROUTES.serving("/console/invoices/42.pdf"))
                .hasValueSatisfying(r -> assertThat(r.produces()).contains("application/pdf"));
        assertThat(ROUTES.serving("/portal/invoices/INV-2026-0001"))
                .hasValueSatisfying(r -> assertThat(r.template()).isEqualTo("/portal/invoices/{number}"));
        assertThat(ROUTES.serving("/nowhere/at/all")).isEmpty();
    }
}
