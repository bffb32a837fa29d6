package app.billfold.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;

/**
 * Allocates account numbers: ten digits, the last a Luhn check digit so that a mistyped number is
 * caught on the guest-pay form. Random rather than sequential, so that a number cannot be guessed
 * from one's own bill.
 */
@ApplicationScoped
public class AccountNumbers {

    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder digits = new StringBuilder();
        digits.append(1 + random.nextInt(9));
        for (int i = 0; i < 8; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.append(checkDigit(digits)).toString();
    }

    static int checkDigit(CharSequence payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
