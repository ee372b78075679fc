package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

/** Malformed and hostile input gives one line and the right exit code, never a stack trace or a hang. */
@Timeout(60)
class HostileInputTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertOneCleanErrorLine(Run run, Path file) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.all()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("internal error");
        var lines = run.out().lines().filter(l -> l.startsWith(file.toString())).toList();
        assertThat(lines).as(run.out()).hasSize(1);
        assertThat(lines.get(0)).endsWith("[read]");
    }

    /** Names, keys and values with line breaks, a bidi override or a megabyte, in a file whose name has a newline. */
    private Path hostileNames() throws IOException {
        var mega = "x".repeat(1 << 20);
        return write("dir\nname.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: "bad\\nname \\u202e%1$s"
                  labels: {"key\\nwith newline": "v\\nx"}
                data:
                  "bad\\nkey": v
                  ? "%1$s"
                  : v
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: "bad\\nname \\u202e%1$s"
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: "claim\\nx"}
                spec:
                  volumeName: "vol\\nume %1$s"
                  accessModes: [ReadWriteOnce]
                  resources: {requests: {storage: 1Gi}}
                """.formatted(mega));
    }

    @Test
    void hostileNamesKeysAndFileNamesMakeOneBoundedLinePerProblemInEveryFormat() throws Exception {
        var file = hostileNames();
        var shownFile = file.toString().replace("\n", "\\n");

        var text = Run.of("validate", file.toString());
        var json = Run.of("validate", "-o", "json", file.toString());
        var junit = Run.of("validate", "-o", "junit", file.toString());

        assertThat(text.exitCode()).isEqualTo(1);
        var lines = text.out().lines().toList();
        assertThat(lines).hasSizeGreaterThan(8).allSatisfy(line -> assertThat(line).doesNotContain("\u202e")
                .hasSizeLessThan(5000));
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line).startsWith(shownFile + ":"));
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(shownFile + ":5:12: ConfigMap/bad\\nname \\u202exxx")
                .endsWith("…: metadata.labels[key\\nwith newline]: Invalid value: \"v\\nx\": a valid label must be "
                        + "an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                        + "with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for "
                        + "validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?') [api/label-syntax]"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(": Duplicate value: \"bad\\nname \\u202exxx"));

        var problems = JsonMapper.builder().build().readTree(json.out()).findValues("problems");
        assertThat(problems).isNotEmpty();
        assertThat(json.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThan(5000));
        assertThat(json.out()).contains("\"file\" : \"" + shownFile.replace("\\", "\\\\") + "\"");

        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(junit.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var failures = xml.getElementsByTagName("failure");
        assertThat(failures.getLength()).isGreaterThan(5);
        for (int i = 0; i < failures.getLength(); i++) {
            var failure = (org.w3c.dom.Element) failures.item(i);
            assertThat(failure.getAttribute("message")).doesNotContain("\n").hasSizeLessThan(5000);
            assertThat(failure.getTextContent()).doesNotContain("\n").startsWith(shownFile + ":");
        }
    }

    @Test
    void aSetTooLargeForOneRunQuotesADuplicateNameOnOneLine() throws Exception {
        var file = hostileNames();

        var run = Run.validateWithSetLimit(1, "validate", file.toString());

        assertThat(run.out().lines()).anySatisfy(line -> assertThat(line)
                .contains("metadata.name: Duplicate value: \"bad\\nname \\u202exxx")
                .contains("x…: another ConfigMap of this name comes earlier ("));
        assertThat(run.out().lines()).allSatisfy(line -> assertThat(line).hasSizeLessThan(5000));
    }

    @Test
    void anAliasBombIsRefusedQuickly() throws IOException {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++) {
            var previous = (char) (level - 1);
            bomb.append(level).append(": &").append(level).append(" [");
            for (var i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
        }
        var file = write("bomb.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  x: z\n---\n" + bomb);

        var started = System.nanoTime();
        var run = Run.of("validate", file.toString());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertOneCleanErrorLine(run, file);
    }

    @Test
    void binaryGarbageIsOneLine() throws IOException {
        var garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        var file = write("garbage.yaml", garbage);

        assertOneCleanErrorLine(Run.of("validate", file.toString()), file);
    }

    @Test
    void anUnclosedQuoteIsOneLineWithItsPosition() throws IOException {
        var file = write("quote.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"unclosed\n");

        var run = Run.of("validate", file.toString());

        assertOneCleanErrorLine(run, file);
        assertThat(run.out()).containsPattern(java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: ");
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        var file = write("deep.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: "
                + "[".repeat(5000) + "]".repeat(5000) + "\n");

        assertOneCleanErrorLine(Run.of("validate", file.toString()), file);
    }

    @Test
    void aMissingFileIsAnInputErrorWithExitTwo() {
        var run = Run.of("validate", dir.resolve("absent.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("manifestkit: cannot read " + dir.resolve("absent.yaml")
                + ": no such file or directory\n");
    }

    @Test
    void goodFilesBesideABadOneAreStillValidated() throws IOException {
        write("a-bad.yaml", "key: [unclosed\n");
        write("b-good.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n");

        var run = Run.of("validate", "-o", "json", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        var resources = JsonMapper.shared().readTree(run.out()).get("resources");
        assertThat(resources).extracting(r -> r.get("file").asString() + " " + r.get("valid").asBoolean())
                .containsExactly(dir.resolve("a-bad.yaml") + " false", dir.resolve("b-good.yaml") + " true");
    }

    @Test
    void anUnreadableStdinIsAnInputErrorSaidOnce() {
        // what a closed stdin gives once ./manifestkit keeps its slot taken (fd 0 open for writing only)
        var closed = new java.io.InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Bad file descriptor");
            }
        };
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = Main.run(new String[] {"validate", "-"}, closed, new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("manifestkit: cannot read <stdin>: Bad file descriptor\n");
        assertThat(out.toString()).isEqualTo("<stdin>: Bad file descriptor [read]\n"
                + "0 resources: 0 valid, 0 invalid; 1 error, 0 warnings; 1 file could not be read\n");
    }

    @Test
    void namesFromTheInputCannotBreakOrRepaintReportLines() throws IOException {
        var file = write("bad\nname.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n"
                + "  name: \"x\\e[2J\\nfake.yaml:1:1: fine\\u2028\"\n");

        var run = Run.of("validate", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines()).hasSize(2).first().asString()
                .startsWith(dir + "/bad\\nname.yaml:4:3: ConfigMap/x\\x1b[2J\\nfake.yaml:1:1: fine\\u2028: metadata.name: "
                        + "Invalid value: \"x\\x1b[2J\\nfake.yaml:1:1: fine\\u2028\": a lowercase RFC 1123 subdomain");
    }

    @Test
    void aDuplicateKeySpellingAnEscapeIsReportedEscaped() throws IOException {
        var file = write("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n"
                + "  \"k\\e[2J\": a\n  \"k\\x1b[2J\": b\n");

        var run = Run.of("validate", file.toString());

        assertOneCleanErrorLine(run, file);
        assertThat(run.out()).startsWith(file + ":6:3: duplicate key \"k\\x1b[2J\" (first at 5:3) [read]\n");
    }

    @Test
    void stdinIsValidated() {
        var run = Run.withStdin("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: Not_A_Label\n", "validate", "-");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("<stdin>").contains("metadata.name");
    }
}
