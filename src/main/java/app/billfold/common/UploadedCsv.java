package app.billfold.common;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * How Billfold reads the CSV files clerks upload: RFC 4180, the first line a header naming the
 * columns, spaces around values ignored. Imports check the header and each row themselves.
 */
public final class UploadedCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private UploadedCsv() {}

    /**
     * The text of an uploaded file, or empty when it is not UTF-8 (a spreadsheet saved in a legacy
     * encoding): refused with a message rather than read with its accents garbled. A byte-order mark
     * is dropped.
     */
    public static Optional<String> decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    public static CSVParser parse(String text) throws IOException {
        return FORMAT.parse(new StringReader(text == null ? "" : text));
    }
}
