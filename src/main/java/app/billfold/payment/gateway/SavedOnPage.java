package app.billfold.payment.gateway;

/** A method the payer saved on the processor's page, with its SEPA mandate's reference for a bank account. */
public record SavedOnPage(String customerReference, MethodDetails method, String mandateReference) {}
