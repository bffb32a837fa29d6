package app.billfold.export;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * An export's file in the database, in parts of at most a megabyte: written as it is made (each
 * part in a short transaction of its own) and read back part by part, so that neither holds more
 * than one part in memory and any node can serve the download.
 */
@ApplicationScoped
public class ExportParts {

    static final int PART_SIZE = 1024 * 1024;

    @Inject
    EntityManager em;

    /** A stream that stores what is written to it as the job's parts; close it to store the last. */
    public Writer writer(Long jobId) {
        return new Writer(jobId);
    }

    /** Copies the job's file to {@code out}, one part at a time. */
    public void copy(Long jobId, OutputStream out) throws IOException {
        for (int seq = 0; ; seq++) {
            int part = seq;
            byte[] data = QuarkusTransaction.requiringNew().call(() -> {
                List<?> found = em.createNativeQuery("select data from export_part where job_id = ?1 and seq = ?2")
                        .setParameter(1, jobId)
                        .setParameter(2, part)
                        .getResultList();
                return found.isEmpty() ? null : (byte[]) found.get(0);
            });
            if (data == null) {
                return;
            }
            out.write(data);
        }
    }

    /** Forgets the job's parts (an export that failed half-way). */
    public void delete(Long jobId) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from export_part where job_id = ?1")
                        .setParameter(1, jobId)
                        .executeUpdate());
    }

    /** Buffers a part, then stores it; counts the bytes written. */
    public final class Writer extends OutputStream {
        private final Long jobId;
        private final byte[] buffer = new byte[PART_SIZE];
        private int filled;
        private int seq;
        private long size;
        private boolean closed;

        Writer(Long jobId) {
            this.jobId = jobId;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                size += n;
                if (filled == buffer.length) {
                    store();
                }
            }
        }

        /** How many bytes were written so far. */
        public long size() {
            return size;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (filled > 0) {
                    store();
                }
            }
        }

        private void store() {
            byte[] data = java.util.Arrays.copyOf(buffer, filled);
            int part = seq++;
            filled = 0;
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("insert into export_part (job_id, seq, data) values (?1, ?2, ?3)")
                            .setParameter(1, jobId)
                            .setParameter(2, part)
                            .setParameter(3, data)
                            .executeUpdate());
        }
    }
}
