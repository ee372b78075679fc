package dev.manifestkit.validation;

import static dev.manifestkit.validation.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Port ranges as the API server's {@code --service-node-port-range} takes them, and the validator's use of one. */
class PortRangeTest {

    @ParameterizedTest
    @CsvSource({
            "30000-32767, 30000, 32767",
            "' 20000-40000 ', 20000, 40000",
            "30000+2767, 30000, 32767",
            "8080, 8080, 8080",
            "1-65535, 1, 65535",
    })
    void readsTheFormsTheApiServerFlagTakes(String text, int min, int max) {
        var range = PortRange.parse(text);
        assertThat(range).isEqualTo(new PortRange(min, max));
        assertThat(PortRange.parse(range.toString())).isEqualTo(range);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "30000-", "-32767", "a-b", "30000-32767-1", "30000+-1", "0-100", "30000-70000",
            "32767-30000", "65000+1000", "99999999999-1", "３0000-32767"})
    void refusesAnythingElseNamingTheText(String text) {
        assertThatThrownBy(() -> PortRange.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid port range '" + text + "': ")
                .hasNoSuppressedExceptions();
    }

    @Test
    void saysWhatIsWrongWithARange() {
        assertThatThrownBy(() -> PortRange.parse("32767-30000"))
                .hasMessage("invalid port range '32767-30000': the end port 30000 is below the start port 32767");
        assertThatThrownBy(() -> PortRange.parse("65000+1000"))
                .hasMessage("invalid port range '65000+1000': ports lie between 1 and 65535");
        assertThatThrownBy(() -> PortRange.parse("30000:32767")).hasMessage("invalid port range '30000:32767': "
                + "'30000:32767' is not a port number; write it as 30000-32767 or 30000+2767");
        assertThatThrownBy(() -> new PortRange(0, 80)).hasMessage("port range 0-80: ports lie between 1 and 65535");
    }

    @Test
    void containsBothEnds() {
        var range = new PortRange(30000, 32767);
        assertThat(List.of(29999L, 30000L, 31000L, 32767L, 32768L).stream().map(range::contains))
                .containsExactly(false, true, true, true, false);
    }

    @Test
    void theValidatorChecksNodePortsAgainstTheRangeItWasGiven() {
        var service = doc("""
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
                 "spec": {"type": "NodePort", "selector": {"app": "web"},
                          "ports": [{"port": 80, "nodePort": 20080}]}}""");
        var byDefault = Validator.builder().disable("ref", "lint").build();
        var widened = Validator.builder().disable("ref", "lint").nodePortRange("20000-32767").build();

        assertThat(byDefault.nodePortRange()).isEqualTo(PortRange.DEFAULT_NODE_PORTS);
        assertThat(byDefault.validate(List.of(service)).errors()).extracting(Problem::message).containsExactly(
                "spec.ports[0].nodePort: Invalid value: 20080: provided port is not in the valid range. "
                        + "The range of valid ports is 30000-32767");
        assertThat(widened.validate(List.of(service)).errors()).isEmpty();
        assertThat(widened.validateDocument(service).problems()).isEmpty();
    }
}
