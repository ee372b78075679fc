package dev.manifestkit.validation;

import static dev.manifestkit.validation.TestDocs.doc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.manifestkit.core.SourceLocation;

/** What a report answers, and how it fails. */
class ValidationReportTest {

    private static final Validator VALIDATOR = Validator.builder().rules(List.of()).build();
    private static final String BAD_DEPLOYMENT = "{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
            + "'spec':{'replicas':'3','selector':{},'template':{}}}";

    @Test
    void oneErrorThrowsTheApiServersOneLiner() {
        var report = VALIDATOR.validate(List.of(doc(BAD_DEPLOYMENT)));
        var thrown = catchThrowableOfType(ValidationException.class, report::throwIfErrors);
        assertThat(thrown).hasMessage("The Deployment \"web\" is invalid: spec.replicas: Invalid value: \"3\":"
                + " must be of type integer [schema]");
        assertThat(thrown.report()).isSameAs(report);
    }

    @Test
    void severalErrorsThrowAHeadlineAndOneLineEach() {
        var report = VALIDATOR.validate(List.of(doc(BAD_DEPLOYMENT, 0),
                doc("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'fib'},'spec':{'finalizers':'x'}}", 1)))
                .withFileErrors(List.of(new FileError("bad.yaml", new SourceLocation(2, 1), "could not find expected ':'")));
        var thrown = catchThrowableOfType(ValidationException.class, report::throwIfErrors);
        assertThat(thrown).hasMessage("""
                manifests are invalid: 3 errors in 2 objects and 1 unreadable file
                  Deployment/web: spec.replicas: Invalid value: "3": must be of type integer [schema]
                  Namespace/fib: spec.finalizers: Invalid value: "x": must be of type array [schema]
                  bad.yaml:2:1: could not find expected ':'""");
    }

    @Test
    void warningsAloneDoNotThrow() {
        var report = VALIDATOR.validate(List.of(doc(BAD_DEPLOYMENT))).filter(p -> p.severity() != Severity.ERROR);
        assertThat(report.hasErrors()).isFalse();
        assertThatNoException().isThrownBy(report::throwIfErrors);
    }

    @Test
    void filterKeepsEveryObjectButOnlyMatchingProblems() {
        var report = VALIDATOR.validate(List.of(doc(BAD_DEPLOYMENT)));
        var filtered = report.filter(p -> p.ruleId().equals("api/none"));
        assertThat(filtered.resources()).hasSize(1);
        assertThat(filtered.problems()).isEmpty();
        assertThat(report.errors()).hasSize(1);
        assertThat(report.warnings()).isEmpty();
        assertThat(report.summary()).isEqualTo("1 resource: 0 valid, 1 invalid; 1 error, 0 warnings");
    }
}
