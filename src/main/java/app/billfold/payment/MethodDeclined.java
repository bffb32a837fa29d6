package app.billfold.payment;

/** The processor's check of a method to be saved failed: the card or account cannot be charged. */
public class MethodDeclined extends RuntimeException {

    private final String declineCode;

    public MethodDeclined(String declineCode) {
        super("method declined: " + declineCode);
        this.declineCode = declineCode;
    }

    public String declineCode() {
        return declineCode;
    }
}
