package dev.manifestkit.validation.rules;

import dev.manifestkit.core.syntax.IpLiterals;
import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.FieldPath;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;
import tools.jackson.databind.node.ObjectNode;

/**
 * A NetworkPolicy as {@code ValidateNetworkPolicySpec} (networking) checks it on create: label
 * selectors, each rule's ports (a protocol of TCP, UDP or SCTP; a port number in range or an IANA
 * port name; endPort only after a numeric port, not below it) and peers (at least one of
 * podSelector, namespaceSelector and ipBlock, ipBlock alone; a CIDR and except ranges strictly
 * inside it), and at most two policyTypes, each Ingress or Egress.
 */
final class NetworkPolicyRule extends BaseRule {

    private static final String[] PROTOCOLS = {"TCP", "UDP", "SCTP"};
    private static final String[] POLICY_TYPES = {"Ingress", "Egress"};
    private static final FieldPath SPEC = FieldPath.root("spec");

    NetworkPolicyRule() {
        super("api/network-policy", Layer.API, Severity.ERROR,
                "A NetworkPolicy's podSelector and peer selectors are valid label selectors; each port has protocol TCP, "
                        + "UDP or SCTP and a port number from 1 to 65535 or an IANA port name, an endPort only with a "
                        + "numeric port and not below it; each peer sets podSelector, namespaceSelector or ipBlock, and "
                        + "ipBlock alone, with a CIDR and except ranges strictly inside it (from 1.36, StrictIPCIDRValidation, "
                        + "without leading zeros, an IPv4-mapped address or bits set beyond the prefix length); policyTypes lists at most two "
                        + "of Ingress and Egress.");
    }

    @Override
    public void check(RuleContext context) {
        var spec = Nodes.specOf(context.tree(), "NetworkPolicy");
        if (spec == null) {
            return;
        }
        Selectors.check(context, Nodes.obj(spec, "podSelector"), SPEC.child("podSelector"));
        for (var direction : new String[] {"ingress", "egress"}) {
            var peers = direction.equals("ingress") ? "from" : "to";
            Nodes.forEachObject(spec, direction, SPEC, (rule, rulePath, i) -> {
                Nodes.forEachObject(rule, "ports", rulePath, (port, portPath, j) -> port(context, port, portPath));
                Nodes.forEachObject(rule, peers, rulePath, (peer, peerPath, j) -> peer(context, peer, peerPath));
            });
        }
        var types = Nodes.arr(spec, "policyTypes");
        if (types != null) {
            if (types.size() > POLICY_TYPES.length) {
                context.report(SPEC.child("policyTypes"), ErrorType.INVALID, Nodes.show(types),
                        "may not specify more than two policyTypes");
                return;
            }
            for (int i = 0; i < types.size(); i++) {
                var type = types.get(i).isString() ? types.get(i).asString() : null;
                if (type != null && !Nodes.oneOf(type, POLICY_TYPES)) {
                    context.report(SPEC.child("policyTypes").index(i), ErrorType.NOT_SUPPORTED, Nodes.quote(type),
                            Nodes.supported(POLICY_TYPES));
                }
            }
        }
    }

    /** ValidateNetworkPolicyPort; an unset protocol is defaulted to TCP. */
    private static void port(RuleContext context, ObjectNode port, FieldPath path) {
        var protocol = Nodes.str(port, "protocol");
        if (protocol != null && !Nodes.oneOf(protocol, PROTOCOLS)) {
            context.report(path.child("protocol"), ErrorType.NOT_SUPPORTED, Nodes.quote(protocol),
                    Nodes.supported(PROTOCOLS));
        }
        var number = Nodes.get(port, "port");
        var endPort = Nodes.get(port, "endPort");
        if (number == null) {
            if (Nodes.isInt(endPort)) {
                context.report(path.child("endPort"), ErrorType.INVALID, Nodes.show(endPort),
                        "may not be specified when `port` is not specified");
            }
        } else if (Nodes.isInt(number)) {
            if (!PortFields.inRange(number.longValue())) {
                context.report(path.child("port"), ErrorType.INVALID, Nodes.show(number), PortFields.RANGE);
            }
            if (Nodes.isInt(endPort)) {
                if (endPort.longValue() < number.longValue()) {
                    context.report(path.child("endPort"), ErrorType.INVALID, Nodes.show(number),
                            "must be greater than or equal to `port`");
                }
                if (!PortFields.inRange(endPort.longValue())) {
                    context.report(path.child("endPort"), ErrorType.INVALID, Nodes.show(endPort), PortFields.RANGE);
                }
            }
        } else if (number.isString()) {
            if (Nodes.isInt(endPort)) {
                context.report(path.child("endPort"), ErrorType.INVALID, Nodes.show(endPort),
                        "may not be specified when `port` is non-numeric");
            }
            for (var msg : Names.ianaServiceName(number.asString())) {
                context.report(path.child("port"), ErrorType.INVALID, Nodes.quote(number.asString()), msg);
            }
        }
    }

    /** ValidateNetworkPolicyPeer. */
    private static void peer(RuleContext context, ObjectNode peer, FieldPath path) {
        int peers = 0;
        for (var field : new String[] {"podSelector", "namespaceSelector"}) {
            var selector = Nodes.obj(peer, field);
            if (selector != null) {
                peers++;
                Selectors.check(context, selector, path.child(field));
            }
        }
        var ipBlock = Nodes.obj(peer, "ipBlock");
        if (ipBlock != null) {
            peers++;
            ipBlock(context, ipBlock, path.child("ipBlock"));
        }
        if (peers == 0) {
            context.report(path, ErrorType.REQUIRED, "must specify a peer");
        } else if (peers > 1 && ipBlock != null) {
            context.report(path, ErrorType.FORBIDDEN, "may not specify both ipBlock and another peer");
        }
    }

    /**
     * ValidateIPBlock, parsing as the API server's legacy fields do (leading zeros and host bits
     * allowed until 1.36 turns StrictIPCIDRValidation on).
     */
    private static void ipBlock(RuleContext context, ObjectNode ipBlock, FieldPath path) {
        var cidr = Nodes.str(ipBlock, "cidr");
        if (cidr == null) {
            return; // absent: the schema layer's finding
        }
        if (cidr.isEmpty()) {
            context.report(path.child("cidr"), ErrorType.REQUIRED, "");
            return;
        }
        var problem = IpAddresses.checkCidr(cidr);
        if (problem != null) {
            context.report(path.child("cidr"), ErrorType.INVALID, Nodes.quote(cidr), problem);
            return;
        }
        strict(context, cidr, path.child("cidr"));
        var except = Nodes.arr(ipBlock, "except");
        for (int i = 0; except != null && i < except.size(); i++) {
            if (!except.get(i).isString()) {
                continue;
            }
            var value = except.get(i).asString();
            var exceptPath = path.child("except").index(i);
            var exceptProblem = IpAddresses.checkCidr(value);
            if (exceptProblem != null) {
                context.report(exceptPath, ErrorType.INVALID, Nodes.quote(value), exceptProblem);
                continue;
            }
            strict(context, value, exceptPath);
            if (!strictlyInside(value, cidr)) {
                context.report(exceptPath, ErrorType.INVALID, Nodes.quote(value), "must be a strict subset of `cidr`");
            }
        }
    }

    /** StrictIPCIDRValidation, beta and on by default from 1.36: the spellings that were only warnings before. */
    private static void strict(RuleContext context, String cidr, FieldPath path) {
        String problem = context.version().atLeast(1, 36) ? IpAddresses.strictCidrProblem(cidr) : null;
        if (problem != null) {
            context.report(path, ErrorType.INVALID, Nodes.quote(cidr), problem);
        }
    }

    /**
     * ValidateIPBlock's test, {@code !cidr.Contains(except.IP) || cidrMaskLen >= exceptMaskLen}
     * inverted, with Go's semantics (both parse): prefix lengths compare as written, whatever the
     * families; {@code IPNet.Contains} reads an IPv4-mapped address as IPv4, so an IPv4 range may
     * hold {@code ::ffff:10.1.0.0/112}, and an IPv4-mapped range applies only the IPv4 part of its
     * mask.
     */
    static boolean strictlyInside(String inner, String outer) {
        int innerPrefix = prefix(inner);
        int outerPrefix = prefix(outer);
        if (outerPrefix >= innerPrefix) {
            return false;
        }
        String outerAddress = outer.substring(0, outer.indexOf('/'));
        byte[] innerIp = IpLiterals.parse(inner.substring(0, inner.indexOf('/')));
        byte[] outerIp = IpLiterals.parse(outerAddress);
        boolean innerIs4 = IpLiterals.isIpv4(innerIp);
        if (innerIs4 != IpLiterals.isIpv4(outerIp)) {
            return false; // Contains: an IPv4 network never holds an IPv6 address, nor the reverse
        }
        int from = 0;
        int bits = outerPrefix;
        if (innerIs4) {
            from = 96; // compare the IPv4 parts
            // written in IPv4, the mask is 32 bits; an IPv4-mapped range keeps the last 32 of its 128
            bits = outerAddress.indexOf(':') < 0 ? outerPrefix : Math.max(0, outerPrefix - 96);
        }
        for (int bit = 0; bit < bits; bit++) {
            if (bit(innerIp, from + bit) != bit(outerIp, from + bit)) {
                return false;
            }
        }
        return true;
    }

    private static int prefix(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    private static int bit(byte[] ip, int index) {
        return (ip[index / 8] >> (7 - index % 8)) & 1;
    }
}
