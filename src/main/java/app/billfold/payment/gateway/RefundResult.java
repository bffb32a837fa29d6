package app.billfold.payment.gateway;

public record RefundResult(boolean succeeded, String reference, String declineCode) {}
