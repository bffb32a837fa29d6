package app.billfold.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sessions list names browsers as people know them, whatever else the header claims to be. */
class DeviceTest {

    @Test
    void commonBrowsersAreNamedWithTheirSystem() {
        assertThat(Device.of("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0"))
                .isEqualTo(new Device("Edge", "Windows"));
        assertThat(Device.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"))
                .isEqualTo(new Device("Safari", "iOS"));
        assertThat(Device.of("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/120.0.0.0 Mobile Safari/537.36"))
                .isEqualTo(new Device("Chrome", "Android"));
        assertThat(Device.of("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:121.0) Gecko/20100101 Firefox/121.0"))
                .isEqualTo(new Device("Firefox", "macOS"));
    }

    @Test
    void aMissingOrUnknownHeaderNamesNothing() {
        assertThat(Device.of(null)).isEqualTo(new Device(null, null));
        assertThat(Device.of("curl/8.4.0")).isEqualTo(new Device(null, null));
    }
}
