package dev.manifestkit.validation.rules;

import static dev.manifestkit.validation.rules.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronScheduleRuleTest {

    @ParameterizedTest
    @ValueSource(strings = {"*/5 * * * *", "0 0 * * *", "0 9-17 * * mon-fri", "15,45 */2 1-7 JAN,jul SUN", "0 0 ? * 0",
        "@daily", "@hourly", "@every 1h30m", "@every 90s", "  0 0 1 1 *  ", "0-59/15 0 1 * 6", "5/10 * * * *"})
    void schedulesTheCronParserAcceptsPass(String schedule) {
        assertThat(CronScheduleRule.parse(schedule)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "* * * *|expected exactly 5 fields, found 4: [* * * *]",
        "0 0 0 0 0 0|expected exactly 5 fields, found 6: [0 0 0 0 0 0]",
        "60 * * * *|end of range (60) above maximum (59): 60",
        "0 24 * * *|end of range (24) above maximum (23): 24",
        "0 0 0 * *|beginning of range (0) below minimum (1): 0",
        "0 0 * 13 *|end of range (13) above maximum (12): 13",
        "0 0 * * 7|end of range (7) above maximum (6): 7",
        "0 5-2 * * *|beginning of range (5) beyond end of range (2): 5-2",
        "*/0 * * * *|step of range should be a positive number: */0",
        "1-2-3 * * * *|too many hyphens: 1-2-3",
        "*/2/3 * * * *|too many slashes: */2/3",
        "x * * * *|failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax",
        "@fortnightly|unrecognized descriptor: @fortnightly",
        "@every forever|failed to parse duration @every forever: time: invalid duration \"forever\""})
    void schedulesTheCronParserRefusesSayWhy(String schedule, String problem) {
        assertThat(CronScheduleRule.parse(schedule)).isEqualTo(problem);
    }

    @Test
    void cronJobsHaveAParsableScheduleWithoutATimeZoneAndAnIanaTimeZone() {
        String cronJob = """
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: c}
                spec:
                  schedule: "%s"
                  %s
                  jobTemplate: {spec: {template: {spec: {restartPolicy: OnFailure, containers: [{name: a, image: a:1}]}}}}
                """;
        assertThat(run(new CronScheduleRule()).on(cronJob.formatted("0 3 * * *", "timeZone: Europe/Berlin")
                + "---\n" + cronJob.formatted("@weekly", "timeZone: UTC")
                + "---\n" + cronJob.formatted("@daily", "timeZone: EST")
                + "---\n" + cronJob.formatted("@daily", "timeZone: PST8PDT"))).as("IANA names Java keeps as short ids too")
                .isEmpty();
        assertThat(run(new CronScheduleRule()).on(cronJob.formatted("0 3 * *", "timeZone: Mars/Olympus")
                + "---\n" + cronJob.formatted("CRON_TZ=UTC 0 3 * * *", "timeZone: Local")))
                .containsExactly(
                        "spec.schedule: Invalid value: \"0 3 * *\": expected exactly 5 fields, found 4: [0 3 * *]",
                        "spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus",
                        "spec.schedule: Invalid value: \"CRON_TZ=UTC 0 3 * * *\": "
                                + "cannot use TZ or CRON_TZ in schedule, use timeZone field instead",
                        "spec.timeZone: Invalid value: \"Local\": "
                                + "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
    }
}
