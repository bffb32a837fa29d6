package app.billfold.support;

/**
 * Ports the tests listen on, overridable from the environment so that two checkouts can run their
 * suites side by side on one machine: BILLFOLD_TEST_HTTP_PORT (the application under test, 8081),
 * BILLFOLD_TEST_MANAGEMENT_PORT (its management interface, by default 920 above the HTTP
 * port, so that setting the HTTP port alone keeps two runs apart) and BILLFOLD_TEST_SMTP_PORT
 * (GreenMail, 3025). application.properties reads the same variables.
 */
public final class TestPorts {

    private TestPorts() {}

    public static int http() {
        return Integer.parseInt(env("BILLFOLD_TEST_HTTP_PORT", "8081"));
    }

    public static int management() {
        return Integer.parseInt(env("BILLFOLD_TEST_MANAGEMENT_PORT", String.valueOf(http() + 920)));
    }

    public static int smtp() {
        return Integer.parseInt(env("BILLFOLD_TEST_SMTP_PORT", "3025"));
    }

    /** The application's base URL as the tests and the browser reach it. */
    public static String app() {
        return "http://localhost:" + http();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
