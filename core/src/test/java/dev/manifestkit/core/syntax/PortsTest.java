package dev.manifestkit.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void portsRangeFromOneTo65535() {
        assertThat(Ports.isValidPort(0)).isFalse();
        assertThat(Ports.isValidPort(1)).isTrue();
        assertThat(Ports.isValidPort(65535)).isTrue();
        assertThat(Ports.isValidPort(65536)).isFalse();
        assertThat(Ports.isValidPort(-80)).isFalse();
        assertThat(Ports.portRangeError()).isEqualTo("must be between 1 and 65535, inclusive");
    }

    @Test
    void portNumberListsTheRangeErrorOutsideOneTo65535() {
        assertThat(Ports.portNumber(8080)).isEmpty();
        assertThat(Ports.portNumber(0)).containsExactly("must be between 1 and 65535, inclusive");
        assertThat(Ports.portNumber(65536)).containsExactly("must be between 1 and 65535, inclusive");
    }
}
