package dev.typhon.testing;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets every property's number of tries from the system property {@code typhon.fuzz.tries}
 * (1000 when unset; the pom passes 10,000 to {@code mvn verify}). Annotation values are
 * compile-time constants, so the count is changed here, in jqwik's lifecycle, before the property
 * runs; jqwik's report line ({@code tries = ...}) shows the count actually used. A property or
 * example that sets its own {@code tries} keeps it.
 *
 * <p>Use with {@code @AddLifecycleHook(FuzzTries.class)} on a container or property.
 */
public final class FuzzTries implements AroundPropertyHook {

    public static final String PROPERTY = "typhon.fuzz.tries";
    public static final int DEFAULT = 1000;

    /** The configured number of tries. */
    public static int tries() {
        return Integer.getInteger(PROPERTY, DEFAULT);
    }

    /** Registered on a test class, the hook reaches every property in it. */
    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        // Examples, and properties that name their own count, keep it.
        if (context.attributes().tries().isEmpty()) {
            context.attributes().setTries(tries());
        }
        return property.execute();
    }
}
