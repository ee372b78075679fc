package dev.manifestkit.examples;

import static dev.manifestkit.dsl.K8s.*;

import dev.manifestkit.core.ManifestSource;
import dev.manifestkit.core.Manifests;
import dev.manifestkit.dsl.K8s;

/**
 * A Pod with two containers sharing an {@code emptyDir} volume: the application writes its log
 * file, a sidecar ships it. The volume is declared once, by mounting it; it lives as long as the
 * Pod and both containers see the same files.
 */
public final class SidecarPod implements ManifestSource {

    /** Used by the Maven plugin. */
    public SidecarPod() {
    }

    @Override
    public Manifests manifests() {
        var logs = emptyDir("logs");
        var app = container("app", "docker.io/library/busybox:1.37")
                .command("sh", "-c", "while true; do date >> /var/log/app/app.log; sleep 5; done")
                .mount(logs, "/var/log/app");
        var shipper = container("log-shipper", "docker.io/library/busybox:1.37")
                .command("sh", "-c", "tail -F /logs/app.log")
                .mount(logs, "/logs", readOnly());
        return K8s.manifests(pod("sidecar-pod").containers(app, shipper));
    }

    /** Prints the YAML. */
    public static void main(String[] args) {
        System.out.print(new SidecarPod().manifests().toYaml());
    }
}
