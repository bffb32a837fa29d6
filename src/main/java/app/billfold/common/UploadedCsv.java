package app.billfold.common;

import java.io.IOException;
import java.io.StringReader;
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

    public static CSVParser parse(String text) throws IOException {
        return FORMAT.parse(new StringReader(text == null ? "" : text));
    }
}
