package dev.manifestkit.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

import dev.manifestkit.core.yaml.Layout;
import dev.manifestkit.validation.Validator;

/**
 * The whole-process benchmark: generates the benchmark application at a scale, validates it with
 * every layer and writes it as one multi-document file, {@code <outdir>/manifests.yaml}. Exits 1
 * if validation finds an error. Timed from outside:
 *
 * <pre>{@code
 * /usr/bin/time -v java -cp benchmarks/target/benchmarks.jar dev.manifestkit.benchmarks.GenerateMain 1000 /tmp/out
 * }</pre>
 */
public final class GenerateMain {

    private GenerateMain() {
    }

    /** {@code GenerateMain <scale> <outdir>}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: GenerateMain <scale> <outdir>");
            System.exit(2);
        }
        int scale = Integer.parseInt(args[0]);
        var manifests = Workload.build(scale);
        var report = Validator.forKubernetes("1.35").validate(manifests);
        if (report.hasErrors()) {
            System.err.println(report.summary());
            report.errors().stream().limit(20).forEach(System.err::println);
            System.exit(1);
        }
        manifests.writeTo(Path.of(args[1]), Layout.SINGLE_FILE);
        System.out.println(manifests.size() + " objects written to " + Path.of(args[1], "manifests.yaml")
                + "; " + report.summary());
    }
}
