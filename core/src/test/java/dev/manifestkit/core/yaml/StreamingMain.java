package dev.manifestkit.core.yaml;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a generated multi-document input of the given number of documents, one at a time; run in a
 * small heap by {@link HostileInputTest} to show that reading does not hold documents in memory.
 */
public final class StreamingMain {

    private StreamingMain() {
    }

    public static void main(String[] args) {
        int documents = Integer.parseInt(args[0]);
        var count = new AtomicLong();
        ManifestReader.create().forEach(new Documents(documents), "<generated>", document -> {
            if (document.name().isPresent()) {
                count.incrementAndGet();
            }
        });
        System.out.println("read " + count.get() + " documents");
    }

    /** {@code documents} Deployments, produced as they are read. */
    private static final class Documents extends InputStream {

        private final int total;
        private int produced;
        private byte[] current = new byte[0];
        private int position;

        Documents(int total) {
            this.total = total;
        }

        @Override
        public int read() {
            if (position >= current.length) {
                if (produced >= total) {
                    return -1;
                }
                current = document(produced++).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return current[position++] & 0xFF;
        }

        private static String document(int i) {
            return "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-" + i + "\n  labels:\n"
                    + "    app.kubernetes.io/name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n"
                    + "      app.kubernetes.io/name: web\n  template:\n    metadata:\n      labels:\n"
                    + "        app.kubernetes.io/name: web\n    spec:\n      containers:\n      - name: web\n"
                    + "        image: nginx:1.27\n        ports:\n        - containerPort: 80\n"
                    + "        env:\n        - {name: MODE, value: \"on\"}\n";
        }
    }
}
