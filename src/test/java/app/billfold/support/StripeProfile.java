package app.billfold.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Runs the application with Stripe as its processor, against {@link StripeStandIn}. */
public class StripeProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StripeStandIn.class));
    }
}
