package dev.manifestkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir
    Path dir;

    private void touch(String relative) throws IOException {
        var file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
    }

    @Test
    void directoriesAreSearchedRecursivelyForYamlYmlAndJsonInSortedOrder() throws Exception {
        for (var name : List.of("z.yaml", "a.yml", "b/c.json", "b/a.yaml", "notes.txt", "b/README.md", "m.yaml.bak")) {
            touch(name);
        }

        var names = Inputs.expand(List.of(dir.toString())).stream().map(i -> dir.relativize(i.path()).toString()).toList();

        assertThat(names).containsExactly("a.yml", "b/a.yaml", "b/c.json", "z.yaml");
    }

    @Test
    void hiddenFilesAndDirectoriesAreSkipped() throws Exception {
        touch(".git/config.yaml");
        touch(".hidden.yaml");
        touch("shown.yaml");

        var inputs = Inputs.expand(List.of(dir.toString()));

        assertThat(inputs).extracting(Input::path).containsExactly(dir.resolve("shown.yaml"));
    }

    @Test
    void kustomizationFilesAreSkippedInDirectoriesButReadWhenNamed() throws Exception {
        touch("app/kustomization.yaml");
        touch("app/deployment-web.yaml");
        touch("base/kustomization.yml");

        assertThat(Inputs.expand(List.of(dir.toString()))).extracting(Input::path)
                .containsExactly(dir.resolve("app/deployment-web.yaml"));
        assertThat(Inputs.expand(List.of(dir.resolve("app/kustomization.yaml").toString()))).extracting(Input::path)
                .containsExactly(dir.resolve("app/kustomization.yaml"));
    }

    @Test
    void aNamedFileIsReadWhateverItsExtensionAndInputsKeepCommandLineOrder() throws Exception {
        touch("manifest.txt");
        touch("sub/x.yaml");

        var inputs = Inputs.expand(List.of(dir.resolve("manifest.txt").toString(), "-", dir.resolve("sub").toString()));

        assertThat(inputs).extracting(Input::name).containsExactly(
                dir.resolve("manifest.txt").toString(), "<stdin>", dir.resolve("sub/x.yaml").toString());
    }

    @Test
    void linksAreFollowedAndALinkLoopIsSkipped() throws Exception {
        touch("real/a.yaml");
        var elsewhere = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-elsewhere"));
        try {
            Files.writeString(elsewhere.resolve("b.yaml"), "");
            Files.createSymbolicLink(dir.resolve("real/linked"), elsewhere);
            Files.createSymbolicLink(dir.resolve("real/loop"), dir.resolve("real"));
            var viaLink = Files.createSymbolicLink(dir.resolve("via-link"), dir.resolve("real"));

            var names = Inputs.expand(List.of(viaLink.toString())).stream().map(Input::name).toList();

            assertThat(names).containsExactly(viaLink.resolve("a.yaml").toString(),
                    viaLink.resolve("linked/b.yaml").toString());
        } finally {
            Files.deleteIfExists(elsewhere.resolve("b.yaml"));
            Files.deleteIfExists(elsewhere);
        }
    }

    @Test
    void aFileNamedTwiceIsReadOnceWhereItFirstAppears() throws Exception {
        touch("sub/a.yaml");
        touch("sub/b.yaml");

        var inputs = Inputs.expand(List.of(dir.resolve("sub/b.yaml").toString(), dir.resolve("sub").toString(),
                dir.resolve("sub/../sub/a.yaml").toString()));

        assertThat(inputs).extracting(Input::path).containsExactly(dir.resolve("sub/b.yaml"), dir.resolve("sub/a.yaml"));
    }

    @Test
    void aMissingInputIsOneLineNamingIt() {
        assertThatThrownBy(() -> Inputs.expand(List.of("no/such.yaml")))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read no/such.yaml: no such file or directory");
    }

    @Test
    void aManifestNamedLinkThatLeadsNowhereIsKeptSoThatReadingItFailsVisibly() throws Exception {
        touch("app/a.yaml");
        Files.createSymbolicLink(dir.resolve("app/b.yaml"), dir.resolve("app/gone.yaml"));
        Files.createSymbolicLink(dir.resolve("app/notes.txt"), dir.resolve("app/gone.txt"));

        var inputs = Inputs.expand(List.of(dir.resolve("app").toString()));

        assertThat(inputs).extracting(Input::path).containsExactly(dir.resolve("app/a.yaml"), dir.resolve("app/b.yaml"));
        var run = Run.of("validate", dir.resolve("app").toString());
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.out()).contains("app/b.yaml: no such file or directory [read]");
    }

    @Test
    void aNameNoFileCanHaveIsOneLineNotAnInternalError() {
        assertThatThrownBy(() -> Inputs.expand(List.of("a\0\nb.yaml")))
                .isInstanceOf(InputException.class)
                .hasMessage("cannot read a\\x00\\nb.yaml: a file name cannot hold a NUL character");
        var run = Run.of("validate", "--schema-location", "defs\0.json", "a.yaml");
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).startsWith("manifestkit: --schema-location defs\\x00.json: a file name cannot hold a NUL")
                .doesNotContain("internal error");
    }
}
