package app.billfold.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Makes sure the tests' own PostgreSQL database exists before Quarkus starts. PostgreSQL runs on
 * 127.0.0.1:5432 (user postgres, trust) unless BILLFOLD_TEST_PG_* says otherwise (BILLFOLD_TEST_PG_DB
 * names the database, billfold_test by default); Flyway then
 * cleans and migrates it at start.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String HOST = env("BILLFOLD_TEST_PG_HOST", "127.0.0.1");
    static final String PORT = env("BILLFOLD_TEST_PG_PORT", "5432");
    static final String USER = env("BILLFOLD_TEST_PG_USER", "postgres");
    static final String PASSWORD = env("BILLFOLD_TEST_PG_PASSWORD", "");
    public static final String DATABASE = env("BILLFOLD_TEST_PG_DB", "billfold_test");

    @Override
    public Map<String, String> start() {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is needed for the tests at " + HOST + ":" + PORT
                            + " (start it with: pg_ctlcluster 15 main start)",
                    e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                url(DATABASE),
                "quarkus.datasource.username",
                USER,
                "quarkus.datasource.password",
                PASSWORD,
                // Here rather than in application.properties: its default follows the HTTP port.
                "quarkus.management.test-port",
                String.valueOf(TestPorts.management()));
    }

    @Override
    public void stop() {}

    public static String url(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(DATABASE), USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
