package app.billfold.identity;

import app.billfold.support.KeycloakServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Runs the application in Keycloak mode against the real Keycloak of {@link KeycloakServer}. */
public class KeycloakModeProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakServer.class));
    }
}
