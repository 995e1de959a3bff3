package dev.typhon.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class InterpretersTest {

    @Test
    void readsPythonsVersionTuple() {
        assertArrayEquals(new int[] {3, 13}, Interpreters.parseVersionTuple("(3, 13)").orElseThrow());
        assertTrue(Interpreters.parseVersionTuple("Python 3.13.0").isEmpty());
        assertTrue(Interpreters.parseVersionTuple("(3, x)").isEmpty());
    }

    @Test
    void aFoundInterpreterReallyIsOfTheAskedVersion() {
        Optional<Path> python = Interpreters.cpython(13);
        Assumptions.assumeTrue(python.isPresent(), "no CPython 3.13+ found");
        Interpreters.Interpreter probed = Interpreters.probe(python.get()).orElseThrow();
        assertEquals(3, probed.major());
        assertTrue(probed.minor() >= 13, "minor " + probed.minor());
    }

    @Test
    void cpython311IsExactly311() {
        Optional<Path> python = Interpreters.cpython311();
        Assumptions.assumeTrue(python.isPresent(), "no CPython 3.11 found");
        Interpreters.Interpreter probed = Interpreters.probe(python.get()).orElseThrow();
        assertEquals(11, probed.minor());
    }

    @Test
    void somethingThatIsNoInterpreterIsRefused() {
        assertTrue(Interpreters.probe(Path.of("/nonexistent/python3")).isEmpty());
    }
}
