package app.billfold.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes writes through but not close: a PDF writer closes its stream when its document ends,
 * which must not close the zip entry's or the export's stream underneath.
 */
final class ShieldedStream extends FilterOutputStream {

    ShieldedStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
