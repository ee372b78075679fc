package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.Ports;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.RuleContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Port fields of containers and probes, shared by the port rules (the ranges come from core's {@link Ports}). */
final class PortFields {

    static final String RANGE = Ports.portRangeError();
    static final String[] PROBES = {"livenessProbe", "readinessProbe", "startupProbe"};

    private PortFields() {
    }

    /** True for 1–65535. */
    static boolean inRange(long port) {
        return port >= Ports.MIN_PORT && port <= Ports.MAX_PORT;
    }

    /**
     * The host port a container port claims once the API server has defaulted it: its own
     * {@code hostPort}, or in a Pod with {@code hostNetwork: true} its {@code containerPort}
     * (SetDefaults_Pod; pod templates are no longer defaulted so, since 1.28); 0 for none.
     */
    static long hostPort(PodSpecs.PodSpec pod, JsonNode port) {
        var hostPort = Nodes.get(port, "hostPort");
        if (Nodes.isInt(hostPort) && hostPort.longValue() != 0) {
            return hostPort.longValue();
        }
        var containerPort = Nodes.get(port, "containerPort");
        return !pod.isTemplate() && Nodes.isTrue(pod.spec(), "hostNetwork") && Nodes.isInt(containerPort)
                ? containerPort.longValue() : 0;
    }

    /** Reports an integral port outside 1–65535; strings and absent values are left alone. */
    static void checkNumber(RuleContext context, JsonNode value, FieldPath path) {
        if (value != null && value.isIntegralNumber() && (!value.canConvertToLong() || !inRange(value.longValue()))) {
            context.report(path, ErrorType.INVALID, Nodes.show(value), RANGE);
        }
    }

    /** Visits the {@code port} field of every probe handler of a container (httpGet, tcpSocket, grpc). */
    static void forEachProbePort(ObjectNode container, FieldPath containerPath, PortVisitor visitor) {
        for (var probeName : PROBES) {
            var probe = Nodes.obj(container, probeName);
            if (probe == null) {
                continue;
            }
            for (var handler : new String[] {"httpGet", "tcpSocket", "grpc"}) {
                var port = Nodes.get(Nodes.obj(probe, handler), "port");
                if (port != null) {
                    visitor.visit(port, containerPath.child(probeName, handler, "port"), handler.equals("grpc"));
                }
            }
        }
    }

    /** Visits one port value. */
    @FunctionalInterface
    interface PortVisitor {
        /**
         * @param port        the value (number, or a port name)
         * @param path        where it sits
         * @param numericOnly true where only numbers are allowed (gRPC probes)
         */
        void visit(JsonNode port, FieldPath path, boolean numericOnly);
    }
}
