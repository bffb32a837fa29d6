package app.billfold.payment;

import java.util.Map;

/**
 * What a clerk submits to record a cheque, cash or transfer: the amount and, optionally, how much
 * goes to each open invoice (by invoice id). With no split given, the oldest due invoices are settled
 * first.
 */
public record OfflinePaymentForm(
        String amount, String receivedOn, String method, String reference, Map<Long, String> allocations) {}
