package app.billfold.payment.gateway;

/** No answer from the processor (timeout, network): the outcome is unknown until asked by key. */
public class GatewayUnavailableException extends RuntimeException {

    public GatewayUnavailableException(String message) {
        super(message);
    }
}
