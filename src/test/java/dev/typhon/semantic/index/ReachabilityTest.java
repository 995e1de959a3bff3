package dev.typhon.semantic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.typhon.semantic.index.Reachability.Truth;
import org.junit.jupiter.api.Test;

/** The laws the formula table applies as it builds, and three-valued evaluation under an oracle. */
class ReachabilityTest {

    @Test
    void buildingAppliesTheObviousLaws() {
        Reachability r = new Reachability();
        int p = r.atom(0, true);
        int notP = r.atom(0, false);
        int q = r.atom(1, true);
        assertEquals(p, r.and(p, Reachability.ALWAYS_TRUE));
        assertEquals(Reachability.ALWAYS_FALSE, r.and(p, Reachability.ALWAYS_FALSE));
        assertEquals(Reachability.ALWAYS_FALSE, r.and(p, notP));
        assertEquals(Reachability.ALWAYS_TRUE, r.or(p, notP));
        assertEquals(q, r.or(r.and(q, p), r.and(q, notP)), "(q and p) or (q and not p) is q");
        assertNotEquals(q, r.or(r.and(q, p), r.and(q, r.atom(2, false))));
    }

    @Test
    void evaluationIsKleeneLogic() {
        Reachability r = new Reachability();
        int p = r.atom(0, true);
        int q = r.atom(1, true);
        int chain = Reachability.ALWAYS_TRUE;
        for (int i = 2; i < 50_002; i++) {
            chain = r.and(chain, r.atom(i, true));   // a long chain: evaluated without recursion
        }
        int pAndQ = r.and(p, q);
        int pOrQ = r.or(p, q);
        r.freeze();
        Reachability.Evaluation e = new Reachability.Evaluation(r, c -> c == 0 ? Truth.ALWAYS_FALSE
                : c == 1 ? Truth.AMBIGUOUS : c == 40_000 ? Truth.ALWAYS_FALSE : Truth.ALWAYS_TRUE);
        assertEquals(Truth.ALWAYS_FALSE, e.truth(pAndQ));
        assertEquals(Truth.AMBIGUOUS, e.truth(pOrQ));
        assertEquals(Truth.ALWAYS_FALSE, e.truth(chain));
    }
}
