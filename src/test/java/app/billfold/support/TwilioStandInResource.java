package app.billfold.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TwilioStandIn} for every Quarkus test in the module. */
@QuarkusTestResource(value = TwilioStandIn.class, restrictToAnnotatedClass = false)
public class TwilioStandInResource {}
