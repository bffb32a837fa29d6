package app.billfold.payment.gateway;

/** The processor does not know the token (never issued, or issued for another customer). */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String message) {
        super(message);
    }
}
