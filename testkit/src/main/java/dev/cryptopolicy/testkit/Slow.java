package dev.cryptopolicy.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class (or method) as slow: it starts child JVMs or servers, replays a fuzz corpus,
 * runs a whole battery or matrix, or builds and runs real applications, and takes seconds rather
 * than milliseconds.
 *
 * <p>The build runs such tests as integration tests: {@code mvn test} (Surefire) leaves out the
 * {@value #TAG} tag and stays fast, {@code mvn verify} (Failsafe) runs exactly the tagged tests after
 * the jars are packaged, so {@code verify} still runs every test once. The tag decides, not the
 * class name; in {@code agent} and {@code apps}, whose every test needs the packaged agent, Failsafe
 * runs all tests, and {@code fuzz} replays its tagged corpus tests in a Surefire execution of its own
 * after {@code package}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag(Slow.TAG)
public @interface Slow {

    /** The JUnit tag this annotation stands for, the one the build's Surefire and Failsafe filter on. */
    String TAG = "slow";
}
