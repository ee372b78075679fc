package dev.manifestkit.validation;

import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code kubectl create} generators the validator's tests run (without {@code create} and
 * {@code --dry-run=client -o yaml}): what kubectl writes must pass every layer that applies to a
 * single object.
 */
public final class KubectlCreateCommands {

    private KubectlCreateCommands() {
    }

    /** One argument list per generator and notable option. */
    public static Stream<List<String>> all() {
        return Stream.of(
                List.of("deployment", "web", "--image=nginx:1.27", "--replicas=2", "--port=80"),
                List.of("service", "clusterip", "web", "--tcp=80:8080", "--tcp=443:8443"),
                List.of("service", "clusterip", "db", "--clusterip=None"),
                List.of("service", "nodeport", "web", "--tcp=80:8080", "--node-port=31515"),
                List.of("service", "loadbalancer", "web", "--tcp=443:8443"),
                List.of("service", "externalname", "legacy", "--external-name=db.example.com"),
                List.of("ingress", "web", "--class=nginx", "--rule=example.com/api*=api:80",
                        "--rule=example.com/=web:80", "--rule=*.example.com/=web:http"),
                List.of("secret", "generic", "pg", "--from-literal=PGPASSWORD=secret"),
                List.of("secret", "docker-registry", "regcred", "--docker-server=registry.example.com",
                        "--docker-username=u", "--docker-password=p"),
                List.of("configmap", "settings", "--from-literal=LOG_LEVEL=info"),
                List.of("namespace", "fib"),
                List.of("serviceaccount", "app"),
                List.of("job", "once", "--image=busybox:1.36"),
                List.of("cronjob", "nightly", "--image=busybox:1.36", "--schedule=0 3 * * *"));
    }
}
