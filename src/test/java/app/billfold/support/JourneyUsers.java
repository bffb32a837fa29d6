package app.billfold.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sign-ins the browser journeys start from, written straight into the packaged application's
 * database: the journeys are about the pages, not about how staff and customers get a password.
 */
public final class JourneyUsers {

    public static final String PASSWORD = "journey-password";

    private JourneyUsers() {}

    /** A sign-in with {@link #PASSWORD}; a customer's is tied to the customer with that e-mail. */
    public static void insert(String email, String role, String customerEmail) throws SQLException {
        try (Connection c = PostgresTestDatabase.connect()) {
            Long customerId = null;
            if (customerEmail != null) {
                try (PreparedStatement q = c.prepareStatement("select id from customer where email = ?")) {
                    q.setString(1, customerEmail);
                    try (ResultSet rs = q.executeQuery()) {
                        assertThat(rs.next())
                                .as("customer %s exists", customerEmail)
                                .isTrue();
                        customerId = rs.getLong(1);
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into app_user (email, password_hash, role, customer_id, enabled, created_at) "
                            + "values (?, ?, ?, ?, true, now())")) {
                insert.setString(1, email);
                insert.setString(2, BcryptUtil.bcryptHash(PASSWORD));
                insert.setString(3, role);
                insert.setObject(4, customerId);
                insert.executeUpdate();
            }
        }
    }

    /**
     * The link to this path in the newest e-mail recorded for the recipient: the journeys follow
     * links from e-mails as the person would, reading them from the outbox (the packaged app
     * sends none).
     */
    public static String mailedLink(String recipient, String path) throws SQLException {
        try (Connection c = PostgresTestDatabase.connect();
                PreparedStatement q = c.prepareStatement(
                        "select payload from outbox_message where recipient = ? and channel = 'EMAIL' order by id desc")) {
            q.setString(1, recipient);
            try (ResultSet rs = q.executeQuery()) {
                Pattern link = Pattern.compile("https?://[^\\s/]+" + Pattern.quote(path) + "\\?\\S+");
                while (rs.next()) {
                    Matcher found = link.matcher(rs.getString(1));
                    if (found.find()) {
                        return found.group();
                    }
                }
            }
        }
        throw new AssertionError("no e-mail to " + recipient + " links to " + path);
    }

    /** The first column of the first row of a query with one text parameter. */
    public static String queryOne(String sql, Object parameter) throws SQLException {
        try (Connection c = PostgresTestDatabase.connect();
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).as("a row for %s", sql).isTrue();
                return rs.getString(1);
            }
        }
    }
}
