package dev.seatkeeper.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Reads the settings when the application starts, so that settings it cannot run with stop the deployment with their
 * message (contract, "API versions": a default version outside the served set stops the start-up) instead of failing
 * the first request. {@link Settings} raises {@link IllegalStateException}; thrown from here it fails this start-up
 * bean, and with it the deployment, on Payara and on WildFly.
 */
@Startup
@Singleton
public class StartupChecks {
    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Inject
    Settings settings;

    @PostConstruct
    void check() {
        try {
            var versions = settings.apiVersions();
            LOG.info(() -> "API versions served: " + String.join(", ", versions.served()) + "; default "
                    + versions.defaultVersion());
        } catch (RuntimeException e) {
            // The cause's message is the one an operator needs; logged at the top, not under a chain of wrappers.
            LOG.severe(rootMessage(e));
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof IllegalStateException && t.getMessage() != null)) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
