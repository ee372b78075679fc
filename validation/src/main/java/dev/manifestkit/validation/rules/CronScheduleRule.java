package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.CronSchedule;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A CronJob's schedule parses as the API server parses it (robfig/cron's standard parser: five
 * fields or a descriptor such as {@code @daily}), without a time zone in it, and its timeZone
 * names an IANA zone. A schedule that does not parse is refused on create, not at run time.
 */
final class CronScheduleRule extends BaseRule {

    private static final FieldPath SCHEDULE = FieldPath.root("spec").child("schedule");
    private static final FieldPath TIME_ZONE = FieldPath.root("spec").child("timeZone");

    CronScheduleRule() {
        super("api/cron-schedule", Layer.API, Severity.ERROR,
                "A CronJob's schedule has five fields (minute, hour, day of month, month, day of week) within their "
                        + "ranges, or is a descriptor (@daily, @every 1h, …), and has no TZ= or CRON_TZ= (use "
                        + "timeZone); timeZone is an IANA zone name.");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "CronJob");
        if (spec == null) {
            return;
        }
        var schedule = Nodes.str(spec, "schedule");
        if (schedule != null) {
            if (schedule.isEmpty()) {
                context.report(SCHEDULE, ErrorType.REQUIRED, "");
            } else {
                String problem = parse(schedule);
                if (problem != null) {
                    context.report(SCHEDULE, ErrorType.INVALID, Nodes.quote(schedule), problem);
                }
                if (CronSchedule.namesTimeZone(schedule)) {
                    context.report(SCHEDULE, ErrorType.INVALID, Nodes.quote(schedule),
                            "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
                }
            }
        }
        var timeZone = Nodes.str(spec, "timeZone");
        if (timeZone != null) {
            String problem = CronSchedule.timeZoneProblem(timeZone);
            if (problem != null) {
                context.report(TIME_ZONE, ErrorType.INVALID, timeZone.isEmpty() ? "\"\"" : Nodes.quote(timeZone), problem);
            }
        }
    }

    /** Why robfig/cron's standard parser refuses the schedule, or null when it parses ({@link CronSchedule#parse}). */
    static String parse(String schedule) {
        return CronSchedule.parse(schedule);
    }
}
