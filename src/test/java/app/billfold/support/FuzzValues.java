package app.billfold.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Malformed values for the fuzz test, from a seeded random source so that a failure reproduces:
 * numbers that overflow or have too many decimals, negative and fractional amounts, impossible and
 * far dates, broken percent-encoding and bytes that are not UTF-8, control characters, very long
 * strings, markup and template syntax, and near misses of the field's own valid value.
 */
public final class FuzzValues {

    /**
     * One value. {@code bytes} is what the field holds; {@code raw} means it is sent as it is in an
     * URL-encoded body or query (a stray %, an & inside a value), not percent-encoded first.
     */
    public record Value(byte[] bytes, boolean raw) {

        static Value text(String text) {
            return new Value(text.getBytes(StandardCharsets.UTF_8), false);
        }

        static Value raw(String encoded) {
            return new Value(encoded.getBytes(StandardCharsets.ISO_8859_1), true);
        }

        /** As it goes into an URL-encoded body or a query string. */
        public String urlEncoded() {
            if (raw) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
            StringBuilder out = new StringBuilder();
            for (byte b : bytes) {
                int c = b & 0xff;
                if ((c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || "-_.~".indexOf(c) >= 0) {
                    out.append((char) c);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                    out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
            return out.toString();
        }

        public String shown() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            String cut = text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
            return (raw ? "raw:" : "") + cut.replaceAll("\\p{Cntrl}", "?");
        }
    }

    static final List<String> NUMBERS = List.of(
            "0",
            "-0",
            "-1",
            "-0.01",
            "0.001",
            "0.005",
            "1.999999",
            "12.345",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999999999999999999999",
            "1e309",
            "1E-400",
            "1e2147483648",
            "-1e9",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x1F",
            "1_000",
            "1 000",
            "1,50",
            "1.000,50",
            "+5",
            "--5",
            "5-",
            ".5",
            "5.",
            "٣",
            "１２",
            "½",
            "1/3",
            "∞",
            "0.1e1",
            "00000000000000000000000001",
            "99999999999999.99",
            "12345678901234567890.12345678901234567890");

    static final List<String> DATES = List.of(
            "2026-02-30",
            "2025-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "0000-01-01",
            "0001-01-01",
            "1900-01-01",
            "9999-12-31",
            "10000-01-01",
            "+10000-01-01",
            "+999999999-12-31",
            "-999999999-01-01",
            "-0001-01-01",
            "2026-1-1",
            "01/02/2026",
            "2026/01/01",
            "20260101",
            "2026-W05-1",
            "2026-01-01T00:00:00Z",
            "2026-01-01 ",
            "today",
            "1767225600",
            "2026-１２-01");

    static final List<String> TEXTS = List.of(
            "",
            " ",
            "\t",
            "\u0000",
            "a\u0000b",
            "\r\n",
            "a\r\nSet-Cookie: x=y",
            "\u0007\u0008\u001b[31m",
            "\u007f",
            "\u202egnp.exe",
            "\u2028\u2029",
            "\ufeff",
            "\ufffd",
            "e\u0301\u0301\u0301\u0301",
            "😀👩‍👩‍👧‍👦",
            "𝕳𝖊𝖑𝖑𝖔",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "{inject:biller.settings}",
            "{#for x in 1..1000000}{x}{/for}",
            "${jndi:ldap://x/a}",
            "' OR '1'='1",
            "1; drop table invoice;--",
            "%s%s%s%n",
            "../../../../etc/passwd",
            "/\\evil.example",
            "//evil.example",
            "javascript:alert(1)",
            "null",
            "undefined",
            "true",
            "[]",
            "{}",
            "a@b",
            "x@@example.com",
            "@example.com",
            "\"quoted\"@example.com",
            "a@example.com\r\nBcc: x@example.com",
            "+33 6 12 34 56 78 ext. 9999999999999999",
            "+0000000000000000000000",
            "EUR;",
            "Europe/../../etc",
            "#zzzzzz",
            "INV-;",
            "ABC/../DEF");

    static final List<String> RAW = List.of(
            "%",
            "%%",
            "%z",
            "%zz",
            "%G0",
            "%C3",
            "%C3%28",
            "%A0%A1",
            "%E2%28%A1",
            "%E2%82",
            "%F0%28%8C%BC",
            "%F4%90%80%80",
            "%ED%A0%80",
            "%C0%AF",
            "%C0%80",
            "%E0%80%AF",
            "%FF%FE",
            "%FE%FF%00a",
            "%E9t%E9",
            "%00",
            "%0D%0A",
            "+",
            "++%2B",
            "a&b",
            "&&&",
            "=",
            "a=b=c",
            "%u0041",
            "%2525",
            "%25zz",
            "a%20b%2",
            "\u00e9");

    private final Random random;

    public FuzzValues(long seed) {
        this.random = new Random(seed);
    }

    public Random random() {
        return random;
    }

    /**
     * A malformed value for a field. {@code type} is the input's type (text, number, date, email,
     * tel, hidden, select, checkbox, file, textarea…), {@code valid} its value on the page, if any.
     */
    public Value next(String type, String valid) {
        int kind = random.nextInt(100);
        if (kind < 12) {
            return Value.text(pick(NUMBERS));
        }
        if (kind < 20) {
            return Value.text(randomNumber());
        }
        if (kind < 28) {
            return Value.text(pick(DATES));
        }
        if (kind < 33) {
            return Value.text(randomDate());
        }
        if (kind < 50) {
            return Value.text(pick(TEXTS));
        }
        if (kind < 63) {
            return Value.raw(pick(RAW));
        }
        if (kind < 68) {
            return new Value(randomBytes(1 + random.nextInt(40)), false);
        }
        if (kind < 73) {
            return Value.text(longText());
        }
        if (kind < 78) {
            return Value.text(controlText());
        }
        if (kind < 90 && valid != null && !valid.isEmpty()) {
            return nearMiss(valid);
        }
        if (kind < 95) {
            return Value.text(typed(type));
        }
        return Value.raw(pick(RAW) + Value.text(pick(TEXTS)).urlEncoded() + pick(RAW));
    }

    /** Bytes for a file part: random, an image header with junk after it, a CSV that is not UTF-8… */
    public byte[] file() {
        return switch (random.nextInt(8)) {
            case 0 -> new byte[0];
            case 1 -> randomBytes(1 + random.nextInt(2000));
            case 2 -> concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, randomBytes(200));
            case 3 -> concat(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}, randomBytes(300));
            case 4 -> "name,email\nRen\u00e9e,r@example.com\n".getBytes(StandardCharsets.ISO_8859_1);
            case 5 ->
                (pick(List.of(",,,,", "account,plan,line,period_start,quantity", "\"unclosed", "")) + "\n" + pick(TEXTS)
                                + "," + pick(NUMBERS) + "," + pick(DATES) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
            case 6 -> ("\ufeff" + longText()).getBytes(StandardCharsets.UTF_8);
            default ->
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        };
    }

    public <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private String randomNumber() {
        StringBuilder n = new StringBuilder();
        if (random.nextBoolean()) {
            n.append('-');
        }
        int digits = 1 + random.nextInt(random.nextInt(4) == 0 ? 60 : 12);
        for (int i = 0; i < digits; i++) {
            n.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextBoolean()) {
            n.append('.');
            int scale = random.nextInt(random.nextInt(4) == 0 ? 40 : 5);
            for (int i = 0; i < scale; i++) {
                n.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(6) == 0) {
            n.append('e').append(random.nextInt(800) - 400);
        }
        return n.toString();
    }

    private String randomDate() {
        int year = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(10000);
            case 1 -> 1970 + random.nextInt(100);
            case 2 -> -random.nextInt(100000);
            default -> random.nextInt(Integer.MAX_VALUE);
        };
        return year + "-" + pad(random.nextInt(15)) + "-" + pad(random.nextInt(35));
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private String longText() {
        int length = switch (random.nextInt(4)) {
            case 0 -> 256 + random.nextInt(300);
            case 1 -> 2049 + random.nextInt(3000);
            case 2 -> 10_000 + random.nextInt(10_000);
            default -> 65_536 + random.nextInt(100_000);
        };
        String unit = pick(List.of("a", "9", "é", "😀", "%", " ", "-"));
        return unit.repeat(Math.max(1, length / unit.length()));
    }

    private String controlText() {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            text.append(random.nextBoolean() ? (char) random.nextInt(0x20) : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private Value nearMiss(String valid) {
        return switch (random.nextInt(8)) {
            case 0 -> Value.text(valid + pick(List.of("x", "0", ".5", "-", ";", "%", " ", "\u0000")));
            case 1 -> Value.text("-" + valid);
            case 2 -> Value.text(valid.repeat(2 + random.nextInt(30)));
            case 3 -> Value.text(valid.substring(0, random.nextInt(valid.length())));
            case 4 -> Value.text(valid.toUpperCase(java.util.Locale.ROOT) + " ");
            case 5 -> Value.raw(Value.text(valid).urlEncoded() + pick(RAW));
            case 6 -> Value.text(valid + "9".repeat(20));
            default -> Value.text(" " + valid + "\t");
        };
    }

    private String typed(String type) {
        return switch (type == null ? "" : type) {
            case "email" -> pick(List.of("a@b", "@", "a@" + "b".repeat(300) + ".com", "ä@ä.ä", "a b@c.d", ""));
            case "tel" -> pick(List.of("+", "+1", "+" + "9".repeat(40), "06", "+33 6 00", "tel:+33600000000"));
            case "date" -> randomDate();
            case "number" -> randomNumber();
            case "checkbox" -> pick(List.of("on", "off", "TRUE", "2", "yes", ""));
            default -> pick(List.of("0", "-1", "9223372036854775807", "new-card", "saved-", "saved-abc", "PERSON"));
        };
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
