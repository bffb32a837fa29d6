package app.billfold.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bills print only an address others can reach: never the development default on localhost. */
class PublicLinksTest {

    @Test
    void onlyAnAddressOthersCanReachIsPublic() {
        PublicLinks links = new PublicLinks();
        links.publicUrl = "http://localhost:8080";
        assertThat(links.isPublic()).isFalse();
        links.publicUrl = "http://127.0.0.1:8080/";
        assertThat(links.isPublic()).isFalse();
        links.publicUrl = "https://pay.riverside.example/";
        assertThat(links.isPublic()).isTrue();
        assertThat(links.to("/guest")).isEqualTo("https://pay.riverside.example/guest");
    }
}
