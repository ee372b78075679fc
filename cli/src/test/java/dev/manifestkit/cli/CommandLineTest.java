package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.validation.PortRange;

class CommandLineTest {

    private static ValidateOptions validate(String... args) throws UsageException {
        var all = new java.util.ArrayList<String>();
        all.add("validate");
        all.addAll(List.of(args));
        return ((Invocation.Validate) CommandLine.parse(all)).options();
    }

    @Test
    void validateDefaultsAreKubernetes135StrictDevTextOutput() throws UsageException {
        var options = validate("a.yaml");

        assertThat(options.kubernetesVersion()).isEqualTo("1.35");
        assertThat(options.strict()).isTrue();
        assertThat(options.profile()).isEqualTo("dev");
        assertThat(options.skipMissingSchemas()).isFalse();
        assertThat(options.schemaLocation()).isNull();
        assertThat(options.nodePortRange()).isEqualTo(PortRange.DEFAULT_NODE_PORTS);
        assertThat(options.output()).isEqualTo(OutputFormat.TEXT);
        assertThat(options.inputs()).containsExactly("a.yaml");
    }

    @Test
    void optionsTakeValuesWithSpaceOrEqualsAndMayFollowTheInputs() throws UsageException {
        var options = validate("a.yaml", "--kubernetes-version=1.33", "-o", "json", "dir", "--no-strict",
                "--profile", "prod", "--skip-missing-schemas", "--schema-location", "defs.json", "-",
                "--node-port-range=20000+10000");

        assertThat(options.kubernetesVersion()).isEqualTo("1.33");
        assertThat(options.output()).isEqualTo(OutputFormat.JSON);
        assertThat(options.strict()).isFalse();
        assertThat(options.profile()).isEqualTo("prod");
        assertThat(options.skipMissingSchemas()).isTrue();
        assertThat(options.schemaLocation()).isEqualTo(Path.of("defs.json"));
        assertThat(options.nodePortRange()).isEqualTo(new PortRange(20000, 30000));
        assertThat(options.inputs()).containsExactly("a.yaml", "dir", "-");
    }

    @Test
    void theReadersLimitsCanBeRaisedForALargeListDump() throws UsageException {
        var options = validate("--max-document-bytes", "67108864", "--max-values=4000000", "dump.yaml");

        assertThat(options.readerOptions().maxDocumentBytes()).isEqualTo(67_108_864);
        assertThat(options.readerOptions().maxValues()).isEqualTo(4_000_000);
        assertThat(validate("a.yaml").readerOptions()).isEqualTo(dev.manifestkit.core.yaml.ReaderOptions.defaults());
        assertThatThrownBy(() -> validate("--max-values=0", "a.yaml"))
                .hasMessage("--max-values: '0' is not a whole number from 1 to 2147483647");
        assertThatThrownBy(() -> validate("--max-document-bytes", "64Mi", "a.yaml"))
                .hasMessage("--max-document-bytes: '64Mi' is not a whole number from 1 to 2147483647");
    }

    @Test
    void outputTakesItsValueAttachedAsKubectlDoes() throws UsageException {
        assertThat(validate("-ojson", "a.yaml").output()).isEqualTo(OutputFormat.JSON);
        assertThat(validate("-o=junit", "a.yaml").output()).isEqualTo(OutputFormat.JUNIT);
        assertThat(validate("--output=json", "a.yaml").output()).isEqualTo(OutputFormat.JSON);
        assertThatThrownBy(() -> validate("-o=", "a.yaml")).hasMessage("option -o needs a value");
    }

    @Test
    void kubeconformAndKubectlSpellingsGetAHint() {
        assertThatThrownBy(() -> validate("-output", "json", "a.yaml"))
                .hasMessage("unknown option '-output': did you mean --output?");
        assertThatThrownBy(() -> validate("-strict", "a.yaml"))
                .hasMessage("unknown option '-strict': did you mean --strict?");
        assertThatThrownBy(() -> validate("-ignore-missing-schemas", "a.yaml"))
                .hasMessage("unknown option '-ignore-missing-schemas': did you mean --skip-missing-schemas?");
        assertThatThrownBy(() -> validate("-summary", "a.yaml")).hasMessage("unknown option '-summary'");
        assertThatThrownBy(() -> validate("-f", "a.yaml")).hasMessage(
                "unknown option '-f': name files and directories as they are, without -f (kubectl's flag)");
        assertThatThrownBy(() -> CommandLine.parse(List.of("fmt", "-write", "a.yaml")))
                .hasMessage("unknown option '-write': did you mean --write?");
    }

    @Test
    void lastOfStrictAndNoStrictWins() throws UsageException {
        assertThat(validate("--no-strict", "--strict", "a.yaml").strict()).isTrue();
        assertThat(validate("--strict", "--no-strict", "a.yaml").strict()).isFalse();
    }

    @Test
    void doubleDashEndsOptionsSoFilesMayStartWithADash() throws UsageException {
        assertThat(validate("--", "-odd.yaml", "--strict").inputs()).containsExactly("-odd.yaml", "--strict");
    }

    @Test
    void debugIsAcceptedAnywhere() throws UsageException {
        assertThat(CommandLine.parse(List.of("--debug", "validate", "a.yaml")).debug()).isTrue();
        assertThat(CommandLine.parse(List.of("validate", "a.yaml", "--debug")).debug()).isTrue();
        assertThat(CommandLine.parse(List.of("validate", "a.yaml")).debug()).isFalse();
    }

    @Test
    void helpAndVersionAreRecognisedAtTopLevelAndPerCommand() throws UsageException {
        assertThat(CommandLine.parse(List.of("--help"))).isEqualTo(new Invocation.Help(CommandLine.USAGE, false));
        assertThat(CommandLine.parse(List.of("validate", "--help")))
                .isEqualTo(new Invocation.Help(CommandLine.VALIDATE_USAGE, false));
        assertThat(CommandLine.parse(List.of("help", "fmt"))).isEqualTo(new Invocation.Help(CommandLine.FMT_USAGE, false));
        assertThat(CommandLine.parse(List.of("--version"))).isEqualTo(new Invocation.Version(false));
    }

    @Test
    void unknownOptionNamesTheOptionAndTheCommandToAskForHelp() {
        assertThatThrownBy(() -> validate("--stict", "a.yaml"))
                .isInstanceOf(UsageException.class)
                .hasMessage("unknown option '--stict'")
                .satisfies(e -> assertThat(((UsageException) e).hint())
                        .isEqualTo("Run 'manifestkit validate --help' for usage."));
    }

    @Test
    void badValuesAreUsageErrorsThatListTheChoices() {
        assertThatThrownBy(() -> validate("-o", "yaml", "a.yaml")).hasMessage(
                "unknown output format 'yaml': use text, json or junit");
        assertThatThrownBy(() -> validate("--profile", "staging", "a.yaml")).hasMessage(
                "unknown profile 'staging': use dev or prod");
        assertThatThrownBy(() -> validate("--node-port-range", "30000:32767", "a.yaml")).hasMessage(
                "--node-port-range: invalid port range '30000:32767': '30000:32767' is not a port number; "
                        + "write it as 30000-32767 or 30000+2767");
        assertThatThrownBy(() -> validate("a.yaml", "-o")).hasMessage("option -o needs a value");
        assertThatThrownBy(() -> validate("--kubernetes-version", "--strict", "a.yaml"))
                .hasMessage("option --kubernetes-version needs a value");
        assertThatThrownBy(() -> validate("--strict=yes", "a.yaml")).hasMessage("option --strict takes no value");
    }

    @Test
    void inputsAreRequiredAndStdinMayBeNamedOnce() {
        assertThatThrownBy(() -> validate("--strict")).hasMessage("no input: name files, directories, or - for stdin");
        assertThatThrownBy(() -> validate("-", "-")).hasMessage("stdin (-) can be read only once");
    }

    @Test
    void fmtParsesWriteAndRefusesToRewriteStdin() throws UsageException {
        var fmt = (Invocation.Fmt) CommandLine.parse(List.of("fmt", "-w", "a.yaml"));
        assertThat(fmt.options()).isEqualTo(new FmtOptions(true, dev.manifestkit.core.yaml.ReaderOptions.defaults(), List.of("a.yaml")));
        assertThatThrownBy(() -> CommandLine.parse(List.of("fmt", "--write", "-")))
                .hasMessage("--write cannot rewrite stdin: drop --write or name files");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("lint", "a.yaml")))
                .hasMessage("unknown command 'lint': use validate or fmt");
        assertThatThrownBy(() -> CommandLine.parse(List.of())).hasMessage("no command given: use validate or fmt");
    }

    @Test
    void aDoubleDashAtTheEndEndsTheOptionsAndNamesNoInput() throws UsageException {
        assertThat(validate("a.yaml", "--").inputs()).containsExactly("a.yaml");
        assertThat(validate("--", "--", "-o").inputs()).containsExactly("--", "-o");
        assertThatThrownBy(() -> validate("--")).hasMessage("no input: name files, directories, or - for stdin");
        assertThatThrownBy(() -> validate("-o", "--", "a.yaml")).hasMessage("option -o needs a value");
    }

    @Test
    void whatAMessageQuotesOfTheArgumentsStaysOnOneLine() {
        assertThatThrownBy(() -> CommandLine.parse(List.of("help", "x\ny"))).hasMessage("unknown command 'x\\ny': use validate or fmt");
        assertThatThrownBy(() -> validate("-o", "json\u001b[2J", "a.yaml"))
                .hasMessage("unknown output format 'json\\x1b[2J': use text, json or junit");
        assertThatThrownBy(() -> validate("--bogus" + "x".repeat(5000), "a.yaml")).message().hasSizeLessThan(1100);
    }
}
