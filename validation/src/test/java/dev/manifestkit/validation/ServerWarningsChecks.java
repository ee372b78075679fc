package dev.manifestkit.validation;

import java.util.List;

import dev.manifestkit.core.yaml.ManifestReader;

/** What the validator says about a manifest at one Kubernetes version, for the server-warning tests. */
final class ServerWarningsChecks {

    private static final ManifestReader READER = ManifestReader.create();

    private ServerWarningsChecks() {
    }

    static ValidationReport validate(String version, String yaml) {
        return Validator.forKubernetes(version).validate(READER.read(yaml, "test.yaml"));
    }

    /** The api/server-warnings messages, path first. */
    static List<String> warnings(String version, String yaml) {
        return validate(version, yaml).warnings().stream().filter(p -> p.ruleId().equals("api/server-warnings"))
                .map(Problem::message).toList();
    }

    static List<String> errors(String version, String yaml) {
        return validate(version, yaml).errors().stream().map(Problem::message).toList();
    }
}
