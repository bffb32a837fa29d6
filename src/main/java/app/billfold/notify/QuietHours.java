package app.billfold.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** No SMS between 21:00 and 08:00 where the customer lives: such messages wait for the morning. */
final class QuietHours {

    static final LocalTime START = LocalTime.of(21, 0);
    static final LocalTime END = LocalTime.of(8, 0);

    private QuietHours() {}

    /** The first moment from now on at which an SMS may go out in that zone. */
    static Instant nextAllowed(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (time.isBefore(END)) {
            return local.with(END).toInstant();
        }
        if (!time.isBefore(START)) {
            return local.plusDays(1).with(END).toInstant();
        }
        return now;
    }
}
