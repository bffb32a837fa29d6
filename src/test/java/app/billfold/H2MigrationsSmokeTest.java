package app.billfold;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The embedded default runs the very same migrations on H2 in PostgreSQL mode. */
class H2MigrationsSmokeTest {

    /** A file database, as the dev profile uses, fresh for every run. */
    static final String URL = "jdbc:h2:file:./target/h2-smoke/" + java.util.UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Test
    void migrationsRunOnH2AndWorkClaimQueriesParse() throws Exception {
        var result = Flyway.configure()
                .dataSource(URL, "sa", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThan(0);
        try (Connection c = DriverManager.getConnection(URL, "sa", "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select next_number from invoice_counter where id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
            s.execute(
                    "insert into customer (kind, name, email, language, created_at) values ('PERSON', 'A', 'a@x.io', 'en', current_timestamp)");
            try (ResultSet rs = s.executeQuery("select id from customer order by id for update skip locked")) {
                assertThat(rs.next()).isTrue();
            }
        }
    }
}
