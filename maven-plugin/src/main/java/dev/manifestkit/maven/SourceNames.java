package dev.manifestkit.maven;

import java.util.ArrayDeque;
import java.util.Locale;

/**
 * How a source class is named in logs and on disk: {@code com.acme.FibApp$Prod} is shown as
 * {@code FibApp.Prod} and written to the folder {@code fib-app/prod}, so the variants of one
 * application sit side by side.
 */
final class SourceNames {

    private SourceNames() {
    }

    /** Simple names from the outermost class in, joined by dots: {@code FibApp.Prod}. */
    static String displayName(Class<?> type) {
        return String.join(".", chain(type, false));
    }

    /** Kebab-cased simple names from the outermost class in, joined by slashes: {@code fib-app/prod}. */
    static String directory(Class<?> type) {
        return String.join("/", chain(type, true));
    }

    private static ArrayDeque<String> chain(Class<?> type, boolean kebab) {
        var names = new ArrayDeque<String>();
        for (var t = type; t != null; t = t.getEnclosingClass()) {
            names.addFirst(kebab ? kebabCase(t.getSimpleName()) : t.getSimpleName());
        }
        return names;
    }

    /** {@code FibApp} → {@code fib-app}, {@code HTTPServer2} → {@code http-server2}. */
    static String kebabCase(String camel) {
        var sb = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char prev = camel.charAt(i - 1);
                boolean nextLower = i + 1 < camel.length() && Character.isLowerCase(camel.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    sb.append('-');
                }
            }
            sb.append(c == '_' ? '-' : c);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
