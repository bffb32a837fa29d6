package app.billfold.payment.gateway;

/** A page opened on the processor for one payer: its id (to read its outcome later) and its address. */
public record HostedPage(String id, String url) {}
