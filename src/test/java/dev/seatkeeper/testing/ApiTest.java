package dev.seatkeeper.testing;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An Arquillian test class that deploys the built WAR on its own Payara Micro and calls it over HTTP as a client
 * would, through {@link #api} and {@link #fixtures}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class ApiTest {
    @ArquillianResource
    protected URL base;

    protected Api api;
    protected Fixtures fixtures;

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.seatkeeper();
    }

    @BeforeEach
    void connect() {
        api = new Api(base);
        fixtures = new Fixtures(api);
    }
}
