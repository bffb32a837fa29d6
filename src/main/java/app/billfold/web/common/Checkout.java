package app.billfold.web.common;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A payment chosen on a pay page, carried (signed) through the processor's hosted form and back:
 * whose it is (a customer id or a guest session), which account, how much for which bills, the
 * idempotency key, the checkboxes (save, autopay, paperless) and, for a guest enrolling in autopay
 * or paperless, the e-mail address; and what the payer typed (bills ticked, amount, method), shown
 * again on the form after a decline.
 */
public record Checkout(
        String owner,
        Long accountId,
        String key,
        LinkedHashMap<Long, BigDecimal> parts,
        boolean save,
        boolean autopay,
        String email,
        boolean paperless,
        Typed typed) {

    /** The pay form as the payer filled it in: the bills ticked, the amount as typed, the method chosen. */
    public record Typed(List<Long> invoices, String amount, String method) {

        String encode() {
            return invoices.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + ";" + URLEncoder.encode(amount == null ? "" : amount, StandardCharsets.UTF_8)
                    + ";" + URLEncoder.encode(method == null ? "" : method, StandardCharsets.UTF_8);
        }

        static Typed decode(String invoices, String amount, String method) {
            return new Typed(
                    invoices.isEmpty()
                            ? List.of()
                            : Arrays.stream(invoices.split(","))
                                    .map(Long::valueOf)
                                    .toList(),
                    URLDecoder.decode(amount, StandardCharsets.UTF_8),
                    URLDecoder.decode(method, StandardCharsets.UTF_8));
        }
    }

    /** The amount paid over all the chosen bills. */
    public BigDecimal total() {
        return parts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public String encode() {
        String split = parts.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().toPlainString())
                .collect(Collectors.joining(","));
        return String.join(
                ";",
                owner,
                String.valueOf(accountId),
                key,
                split,
                save ? "1" : "0",
                autopay ? "1" : "0",
                paperless ? "1" : "0",
                typed.encode(),
                email == null ? "" : email);
    }

    /** Reads a value made by {@link #encode()}; only ever given one whose signature was checked. */
    public static Checkout decode(String value) {
        String[] f = value.split(";", 11);
        if (f.length != 11) {
            throw new IllegalArgumentException("bad checkout");
        }
        LinkedHashMap<Long, BigDecimal> parts = new LinkedHashMap<>();
        for (String part : f[3].split(",")) {
            String[] kv = part.split(":");
            parts.put(Long.valueOf(kv[0]), new BigDecimal(kv[1]));
        }
        return new Checkout(
                f[0],
                Long.valueOf(f[1]),
                f[2],
                parts,
                "1".equals(f[4]),
                "1".equals(f[5]),
                f[10],
                "1".equals(f[6]),
                Typed.decode(f[7], f[8], f[9]));
    }
}
