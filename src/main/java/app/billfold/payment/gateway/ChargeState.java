package app.billfold.payment.gateway;

/**
 * A charge as the processor holds it now, read back after a hosted page or an event: whose key it
 * carries, its outcome, the method that paid (when known) and, for a bank debit, the mandate's
 * reference the payer's bank shows.
 */
public record ChargeState(String idempotencyKey, ChargeResult result, MethodDetails method, String mandateReference) {}
