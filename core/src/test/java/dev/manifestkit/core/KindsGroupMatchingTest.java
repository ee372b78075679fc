package dev.manifestkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The allocation-free group comparison in {@link Kinds#lookup(String, String)} matches whole groups only. */
class KindsGroupMatchingTest {

    @Test
    void anyVersionOfTheKindsGroupMatches() {
        assertThat(Kinds.lookup("apps/v1", "Deployment")).isPresent();
        assertThat(Kinds.lookup("apps/v1beta2", "Deployment")).isPresent();
        assertThat(Kinds.lookup("v1", "Pod")).isPresent();
        assertThat(Kinds.lookup("v2", "Pod")).isPresent();
    }

    @Test
    void anEmptyGroupBeforeTheSlashIsTheCoreGroup() {
        assertThat(Kinds.lookup("/v1", "Pod")).isPresent();
        assertThat(Kinds.lookup("", "Pod")).isPresent();
    }

    @Test
    void groupsThatOnlyShareAPrefixDoNotMatch() {
        assertThat(Kinds.lookup("app/v1", "Deployment")).isEmpty();
        assertThat(Kinds.lookup("appsx/v1", "Deployment")).isEmpty();
        assertThat(Kinds.lookup("apps/v1", "Pod")).isEmpty();
        assertThat(Kinds.lookup("networking.k8s.io.example/v1", "Ingress")).isEmpty();
        assertThat(Kinds.lookup("v1", "Ingress")).isEmpty();
    }

    @Test
    void installOrderStillRanksKnownKindsBeforeUnknownOnes() {
        assertThat(Kinds.installOrder("v1", "Namespace")).isLessThan(Kinds.installOrder("apps/v1", "Deployment"));
        assertThat(Kinds.installOrder("example.com/v1", "Deployment")).isEqualTo(Kinds.UNKNOWN_INSTALL_ORDER);
    }
}
