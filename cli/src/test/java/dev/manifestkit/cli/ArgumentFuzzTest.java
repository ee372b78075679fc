package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random command lines made of the options, their values and the separators: every one is an
 * invocation or a {@link UsageException} with a one-line message, never another exception (the
 * command line found {@code --} at the end of the arguments to be a NullPointerException).
 * Seeds are fixed so that a failure reproduces.
 */
class ArgumentFuzzTest {

    private static final List<String> COMMANDS = List.of("validate", "fmt", "help", "--help", "-h", "--version",
            "version", "", "-", "--", "bogus");

    private static final List<String> TOKENS = List.of("--", "-", "---", "--=", "-=", "=", "", " ", "-o", "-ojson",
            "-o=", "-o=junit", "-oxml", "--output", "--output=", "--output=text", "-output", "-w", "--write",
            "--write=yes", "--strict", "--strict=", "--no-strict", "--profile", "--profile=prod", "prod", "PROD",
            "--skip-missing-schemas", "--node-port-range", "--node-port-range=1-65535", "0-0", "65535+1", "1-",
            "--max-values", "--max-values=-1", "-1", "0", "2147483648", "1e3", "--max-document-bytes",
            "--max-document-bytes=1", "--kubernetes-version", "--kubernetes-version=1.35", "1.99", "v1.35",
            "--schema-location", "--schema-location=", "a.yaml", "dir/", "-f", "--filename", "--debug", "-h",
            "--help", "json", "junit", "\u0000", "\n", "\u2028", "\ud800", "☃.yaml", "-☃", "--☃=☃");

    @Property(tries = 3000, seed = "20261126")
    void everyCommandLineParsesOrIsRefusedInOneLine(@ForAll("commandLines") List<String> arguments) {
        try {
            assertThat(CommandLine.parse(arguments)).isNotNull();
        } catch (UsageException e) {
            assertThat(e.getMessage()).as("message for %s", arguments).isNotBlank().doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        var command = Arbitraries.of(COMMANDS);
        var rest = Arbitraries.of(TOKENS).list().ofMaxSize(6);
        return command.flatMap(c -> rest.map(r -> {
            var all = new ArrayList<String>(r.size() + 1);
            all.add(c);
            all.addAll(r);
            return all;
        }));
    }
}
