package app.billfold.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.billfold.support.TestData;
import app.billfold.support.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Admins manage staff: under the one password rule, and never down to no active admin. */
@QuarkusTest
class StaffMembersTest {

    @Inject
    TestData data;

    @Inject
    AppUserRepository users;

    @Test
    void theLastActiveAdminCannotBeDisabledButAnotherAdminCan() {
        List<Long> others = data.fresh(() -> users.list("role = ?1 and enabled = true", Role.ADMIN).stream()
                .map(u -> u.id)
                .toList());
        setEnabled(others, false);
        try {
            String admin = data.staff(Role.ADMIN, "admin-staff-password");
            Long adminId = idOf(admin);
            WebSession console = WebSession.signedIn(admin, "admin-staff-password");

            Response refused = console.post("/console/staff/" + adminId + "/disable", Map.of());
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.asString()).contains("This is the last active admin");
            assertThat(data.fresh(() -> users.findById(adminId).enabled)).isTrue();
            assertThat(console.get("/console/staff").statusCode()).isEqualTo(200);

            String second = data.staff(Role.ADMIN, "second-staff-password");
            assertThat(console.post("/console/staff/" + idOf(second) + "/disable", Map.of())
                            .statusCode())
                    .isEqualTo(303);
            assertThat(data.fresh(() -> users.findById(idOf(second)).enabled)).isFalse();
        } finally {
            setEnabled(others, true);
        }
    }

    @Test
    void aFirstPasswordFollowsTheOneRuleStatedOnThePage() {
        String admin = data.staff(Role.ADMIN, "admin-rule-password");
        WebSession console = WebSession.signedIn(admin, "admin-rule-password");
        assertThat(console.get("/console/staff").asString())
                .contains("At least 12 characters (at most 128); not your e-mail address, and not a common password");
        String email = "new-clerk-" + System.nanoTime() + "@billfold.test";

        for (String weak : List.of("short-pw", "qwerty123456", email, "x".repeat(129))) {
            Response refused =
                    console.post("/console/staff/invite", Map.of("email", email, "role", "CLERK", "password", weak));
            assertThat(refused.statusCode()).as(weak).isEqualTo(400);
            assertThat(refused.asString()).contains("id=\"e-password\"");
        }
        assertThat(data.fresh(() -> users.findByEmail(email))).isEmpty();

        assertThat(console.post(
                                "/console/staff/invite",
                                Map.of("email", email, "role", "CLERK", "password", "a fine first password"))
                        .statusCode())
                .isEqualTo(303);
        WebSession.signedIn(email, "a fine first password");
    }

    private Long idOf(String email) {
        return data.fresh(() -> users.findByEmail(email).orElseThrow().id);
    }

    private void setEnabled(List<Long> ids, boolean enabled) {
        if (!ids.isEmpty()) {
            data.fresh(() -> AppUser.update("enabled = ?1 where id in ?2", enabled, ids));
        }
    }
}
