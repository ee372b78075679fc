package dev.manifestkit.validation.rules;

import java.util.ArrayList;
import java.util.List;

/** apimachinery's {@code IsValidPathSegmentName}: a name usable as one segment of a URL path. */
final class PathSegments {

    private PathSegments() {
    }

    /** What is wrong with a name as a path segment; empty when it is fine. */
    static List<String> check(String value) {
        var msgs = new ArrayList<String>();
        if (value.equals(".") || value.equals("..")) {
            msgs.add("may not be '" + value + "'");
            return msgs;
        }
        for (var illegal : new String[] {"/", "%"}) {
            if (value.contains(illegal)) {
                msgs.add("may not contain '" + illegal + "'");
            }
        }
        return msgs;
    }
}
