package app.billfold.notify;

import java.text.Normalizer;

/**
 * The GSM 03.38 default alphabet an SMS is counted in: 160 characters fit one message as long as
 * every character is in it (the extension characters count twice). One character outside it and the
 * whole message is sent as UCS-2, 70 characters a part, so text is brought into the alphabet first.
 */
final class Gsm7 {

    static final int SINGLE_MESSAGE = 160;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String EXTENSION = "^{}\\[~]|€\f";

    private Gsm7() {}

    static boolean fits(char c) {
        return BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0;
    }

    /** Septets the text takes, counting extension characters twice. */
    static int length(String text) {
        int length = 0;
        for (char c : text.toCharArray()) {
            length += EXTENSION.indexOf(c) >= 0 ? 2 : 1;
        }
        return length;
    }

    static boolean isGsm7(String text) {
        return text.chars().allMatch(c -> fits((char) c));
    }

    /**
     * The text in the GSM alphabet: spaces of every width become a space, typographic quotes and
     * dashes plain ones, bullets stars, and letters outside the alphabet lose their accent (ç, ê, ô become c, e, o).
     */
    static String transliterate(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (fits(c)) {
                out.append(c);
            } else if (Character.isSpaceChar(c)) {
                out.append(' ');
            } else if (c == '\u2018' || c == '\u2019') {
                out.append('\'');
            } else if (c == '\u201C' || c == '\u201D' || c == '\u00AB' || c == '\u00BB') {
                out.append('"');
            } else if (c == '\u2013' || c == '\u2014') {
                out.append('-');
            } else if (c == '\u2022') {
                // The dots before a card's last four digits.
                out.append('*');
            } else {
                String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                out.append(base.length() == 1 && fits(base.charAt(0)) ? base : "?");
            }
        }
        return out.toString();
    }
}
