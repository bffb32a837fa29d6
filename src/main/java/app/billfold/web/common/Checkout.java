package app.billfold.web.common;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/**
 * A payment chosen on a pay page, carried (signed) through the processor's hosted form and back:
 * whose it is (a customer id or a guest session), which account, how much for which bills, the
 * idempotency key, the checkboxes (save, autopay, paperless) and, for a guest enrolling in autopay
 * or paperless, the e-mail address.
 */
public record Checkout(
        String owner,
        Long accountId,
        String key,
        LinkedHashMap<Long, BigDecimal> parts,
        boolean save,
        boolean autopay,
        String email,
        boolean paperless) {

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
                email == null ? "" : email);
    }

    /** Reads a value made by {@link #encode()}; only ever given one whose signature was checked. */
    public static Checkout decode(String value) {
        String[] f = value.split(";", 8);
        if (f.length != 8) {
            throw new IllegalArgumentException("bad checkout");
        }
        LinkedHashMap<Long, BigDecimal> parts = new LinkedHashMap<>();
        for (String part : f[3].split(",")) {
            String[] kv = part.split(":");
            parts.put(Long.valueOf(kv[0]), new BigDecimal(kv[1]));
        }
        return new Checkout(
                f[0], Long.valueOf(f[1]), f[2], parts, "1".equals(f[4]), "1".equals(f[5]), f[7], "1".equals(f[6]));
    }
}
