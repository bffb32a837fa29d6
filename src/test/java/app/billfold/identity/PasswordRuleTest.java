package app.billfold.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordRuleTest {

    final PasswordRule rule = new PasswordRule();

    @Test
    void lengthBetweenTwelveAndAHundredAndTwentyEightCharacters() {
        assertThat(rule.problem("eleven-char", null)).contains("password_too_short");
        assertThat(rule.problem(null, null)).contains("password_too_short");
        assertThat(rule.problem("twelve-chars", null)).isEmpty();
        assertThat(rule.problem("é".repeat(12), null))
                .as("characters, not bytes")
                .isEmpty();
        assertThat(rule.problem("x".repeat(128), null)).isEmpty();
        assertThat(rule.problem("x".repeat(129), null)).contains("password_too_long");
    }

    @Test
    void notTheEmailAddressNorItsNamePart() {
        assertThat(rule.problem("Jane.Doe.1984@Example.com", "jane.doe.1984@example.com"))
                .contains("password_is_email");
        assertThat(rule.problem("jane.doe.1984", "jane.doe.1984@example.com")).contains("password_is_email");
        assertThat(rule.problem("jane.doe.1984!", "jane.doe.1984@example.com")).isEmpty();
    }

    @Test
    void notAVeryCommonPasswordWhateverTheCase() {
        assertThat(rule.problem("Password1234", null)).contains("password_too_common");
        assertThat(rule.problem("QWERTY123456", null)).contains("password_too_common");
        assertThat(rule.problem("1q2w3e4r5t6y", null)).contains("password_too_common");
        assertThat(rule.problem("correct horse battery staple", null)).isEmpty();
    }
}
