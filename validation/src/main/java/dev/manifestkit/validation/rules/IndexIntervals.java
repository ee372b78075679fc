package dev.manifestkit.validation.rules;

/**
 * The batch API's list of completion indexes, such as {@code 1,3-5,7}: ordered, non-overlapping
 * intervals below the Job's completions (validateIndexesFormat and parseIndexInterval).
 */
final class IndexIntervals {

    /** How many indexes a valid list names, or why it is not valid (the server's wording). */
    record Count(long total, String error) {
    }

    private IndexIntervals() {
    }

    static Count count(String indexes, long completions) {
        if (indexes.isEmpty()) {
            return new Count(0, null);
        }
        long total = 0;
        long last = -1;
        int start = 0;
        while (start <= indexes.length()) {
            int comma = indexes.indexOf(',', start);
            int end = comma < 0 ? indexes.length() : comma;
            var interval = indexes.substring(start, end);
            start = end + 1;
            int dash = interval.indexOf('-');
            if (dash >= 0 && interval.indexOf('-', dash + 1) >= 0) {
                return new Count(0, "the fragment " + Nodes.quote(interval)
                        + " violates the requirement that an index interval can have at most two parts separated by '-'");
            }
            var first = dash < 0 ? interval : interval.substring(0, dash);
            long x = atoi(first);
            if (x < 0) {
                return new Count(0, "cannot convert string to integer for index: " + Nodes.quote(first));
            }
            if (x >= completions) {
                return new Count(0, "too large index: " + Nodes.quote(first));
            }
            long y = x;
            if (dash >= 0) {
                var second = interval.substring(dash + 1);
                y = atoi(second);
                if (y < 0) {
                    return new Count(0, "cannot convert string to integer for index: " + Nodes.quote(second));
                }
                if (y >= completions) {
                    return new Count(0, "too large index: " + Nodes.quote(second));
                }
                if (x >= y) {
                    return new Count(0, "non-increasing order, previous: " + x + ", current: " + y);
                }
            }
            if (last >= x) {
                return new Count(0, "non-increasing order, previous: " + last + ", current: " + x);
            }
            total += y - x + 1;
            last = y;
        }
        return new Count(total, null);
    }

    /**
     * Go's strconv.Atoi for a text that holds no '-': an optional '+', then ASCII digits, within
     * 64 bits. -1 when it does not parse.
     */
    private static long atoi(String text) {
        int from = text.startsWith("+") ? 1 : 0;
        if (from == text.length()) {
            return -1;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(text, from, text.length(), 10);
        } catch (NumberFormatException e) {
            return -1; // out of range
        }
    }
}
