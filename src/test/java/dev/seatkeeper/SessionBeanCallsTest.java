package dev.seatkeeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls into session beans go through the container's no-interface view, which serves public methods only. Session
 * beans are injected with {@code @EJB} (see {@code platform/package-info.java}), so a call from one class to another
 * bean's package-private or protected method compiles, passes every test that does not reach it, and fails at run
 * time with {@code EJBException: Illegal non-business method access on no-interface view}: a 500. Disabling a webhook
 * endpoint answered exactly that. Read from the compiled classes, these rules fail the build instead.
 */
class SessionBeanCallsTest {
    private static JavaClasses classes;

    @BeforeAll
    static void readCompiledClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.seatkeeper");
    }

    @Test
    void noClassCallsANonPublicMethodOfAnotherSessionBean() {
        var violations = classes.stream()
                .flatMap(origin -> origin.getMethodCallsFromSelf().stream())
                .filter(call -> !topLevel(call.getOriginOwner()).equals(topLevel(call.getTargetOwner())))
                .filter(call -> isSessionBean(call.getTargetOwner()))
                .flatMap(call -> call.getTarget().resolveMember().stream()
                        .filter(SessionBeanCallsTest::outsideTheView)
                        .map(method -> call.getDescription()))
                .sorted()
                .toList();
        assertEquals(List.of(), violations, "make the called method public, or move the call into the bean");
    }

    @Test
    void noSessionBeanHasAFinalBusinessMethod() {
        // The container's view overrides each public method; a final one cannot be, and the view would run it on
        // the proxy, outside the bean's transaction.
        var violations = classes.stream()
                .filter(SessionBeanCallsTest::isSessionBean)
                .flatMap(bean -> bean.getMethods().stream())
                .filter(method -> method.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(method -> method.getModifiers().contains(JavaModifier.FINAL))
                .map(JavaMethod::getFullName)
                .sorted()
                .toList();
        assertEquals(List.of(), violations);
    }

    @Test
    void theRuleSeesSessionBeansAndTheirCalls() {
        // Guards the rules above against passing because they read nothing: the webhook service calls the queue.
        var queueCalls = classes.get("dev.seatkeeper.webhooks.WebhookEndpointService").getMethodCallsFromSelf().stream()
                .filter(call -> call.getTargetOwner().getName().equals("dev.seatkeeper.webhooks.WebhookQueue"))
                .count();
        assertTrue(queueCalls > 0);
        assertTrue(isSessionBean(classes.get("dev.seatkeeper.webhooks.WebhookQueue")));
    }

    private static boolean isSessionBean(JavaClass type) {
        return Stream.of(Stateless.class, Singleton.class, Stateful.class).anyMatch(type::isAnnotatedWith);
    }

    /** Instance methods that are not public: the no-interface view refuses them. */
    private static boolean outsideTheView(JavaMethod method) {
        var modifiers = method.getModifiers();
        return !modifiers.contains(JavaModifier.PUBLIC) && !modifiers.contains(JavaModifier.STATIC);
    }

    /** Nested classes and lambdas of a bean run on the bean instance itself, not through its view. */
    private static JavaClass topLevel(JavaClass type) {
        var outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
