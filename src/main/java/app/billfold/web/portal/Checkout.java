package app.billfold.web.portal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/**
 * A payment chosen on the pay page, carried (signed) through the processor's hosted form and back:
 * who, which account, how much for which bills, the idempotency key, and the two checkboxes.
 */
record Checkout(
        Long customerId,
        Long accountId,
        String key,
        LinkedHashMap<Long, BigDecimal> parts,
        boolean save,
        boolean autopay) {

    String encode() {
        String split = parts.entrySet().stream()
                .map(e -> e.getKey() + ":" + e.getValue().toPlainString())
                .collect(Collectors.joining(","));
        return String.join(
                ";",
                String.valueOf(customerId),
                String.valueOf(accountId),
                key,
                split,
                save ? "1" : "0",
                autopay ? "1" : "0");
    }

    static Checkout decode(String value) {
        String[] f = value.split(";", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("bad checkout");
        }
        LinkedHashMap<Long, BigDecimal> parts = new LinkedHashMap<>();
        for (String part : f[3].split(",")) {
            String[] kv = part.split(":");
            parts.put(Long.valueOf(kv[0]), new BigDecimal(kv[1]));
        }
        return new Checkout(Long.valueOf(f[0]), Long.valueOf(f[1]), f[2], parts, "1".equals(f[4]), "1".equals(f[5]));
    }
}
