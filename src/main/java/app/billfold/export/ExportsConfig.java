package app.billfold.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long exports are made and kept. */
@ConfigMapping(prefix = "billfold.exports")
public interface ExportsConfig {

    /**
     * Bills per PDF file of a print batch, what the printer takes in one job: a larger batch is a
     * zip of PDFs of this many bills each.
     */
    @WithDefault("500")
    int printBatchSize();

    /** Rows (accounts, bills) read per short transaction while an export is made. */
    @WithDefault("200")
    int readPageSize();

    /** How long a finished export can be downloaded before it is deleted. */
    @WithDefault("P7D")
    Duration keepFor();
}
