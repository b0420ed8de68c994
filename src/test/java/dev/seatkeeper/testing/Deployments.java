package dev.seatkeeper.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Tests deploy the WAR the build produced, not an archive assembled by hand. */
public final class Deployments {
    private Deployments() {}

    public static WebArchive seatkeeper() {
        File war = new File(System.getProperty("seatkeeper.war", "target/seatkeeper.war"));
        return ShrinkWrap.create(ZipImporter.class, "seatkeeper.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addClasses(
                        TestSupportResource.class,
                        dev.seatkeeper.reclaim.KeepLinkSupport.class,
                        SubscriptionLockHolder.class,
                        ClaimHolder.class,
                        Api.class,
                        Api.Reply.class);
    }
}
