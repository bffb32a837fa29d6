package app.billfold.support;

/** The aging report's page that lists an account, found by following the next links as a clerk would. */
public final class AgingPages {

    private AgingPages() {}

    public static String find(WebSession console, String asOf, String accountNumber) {
        return ListPages.find(
                console,
                "/console/reports/aging?asOf=" + asOf,
                page -> !page.select("tbody a:containsOwn(" + accountNumber + ")")
                        .isEmpty());
    }
}
