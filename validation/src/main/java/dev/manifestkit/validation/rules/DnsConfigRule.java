package dev.manifestkit.validation.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.manifestkit.core.syntax.Names;
import dev.manifestkit.validation.ErrorType;
import dev.manifestkit.validation.Layer;
import dev.manifestkit.validation.RuleContext;
import dev.manifestkit.validation.Severity;

/**
 * A pod's own DNS settings fit a resolv.conf: with {@code dnsPolicy: None} they are all the pod
 * gets, so at least one nameserver; at most three nameservers and 32 search domains of 2048
 * characters in all (the resolver's limits); search domains are DNS names; options are named.
 * The nameservers' addresses are {@code api/ip-addresses}' concern.
 */
final class DnsConfigRule extends BaseRule {

    private static final String LABEL_WITH_UNDERSCORE = "_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_WITH_UNDERSCORE_FORMAT = LABEL_WITH_UNDERSCORE + "(\\." + LABEL_WITH_UNDERSCORE + ")*";
    /** The same language, written so that matching is linear in the input (no backtracking). */
    private static final Pattern SUBDOMAIN_WITH_UNDERSCORE = Pattern.compile(
            "_?[a-z0-9](?:[-_]*+[a-z0-9]++)*+(?:\\._?[a-z0-9](?:[-_]*+[a-z0-9]++)*+)*+");
    private static final String UNDERSCORE_SUBDOMAIN_ERROR = Names.regexError("a lowercase RFC 1123 subdomain must "
            + "consist of lower case alphanumeric characters, '-', '_' or '.', and must start and end with an "
            + "alphanumeric character", SUBDOMAIN_WITH_UNDERSCORE_FORMAT, "example.com");

    private static final int MAX_NAMESERVERS = 3;
    private static final int MAX_SEARCHES = 32;
    private static final int MAX_SEARCH_CHARS = 2048;

    DnsConfigRule() {
        super("api/dns-config", Layer.API, Severity.ERROR,
                "A pod with dnsPolicy None has a dnsConfig with a nameserver; a dnsConfig has at most 3 nameservers "
                        + "and 32 search domains (2048 characters), search domains are DNS names, options have names.");
    }

    @Override
    public void check(RuleContext context) {
        var pod = PodSpecs.of(context);
        if (pod == null) {
            return;
        }
        var path = pod.path().child("dnsConfig");
        var config = Nodes.obj(pod.spec(), "dnsConfig");
        var nameservers = Nodes.arr(config, "nameservers");
        if ("None".equals(Nodes.str(pod.spec(), "dnsPolicy"))) {
            if (config == null) {
                context.report(path, ErrorType.REQUIRED, "must provide `dnsConfig` when `dnsPolicy` is None");
                return;
            }
            if (nameservers == null || nameservers.isEmpty()) {
                context.report(path.child("nameservers"), ErrorType.REQUIRED,
                        "must provide at least one DNS nameserver when `dnsPolicy` is None");
                return;
            }
        }
        if (config == null) {
            return;
        }
        if (nameservers != null && nameservers.size() > MAX_NAMESERVERS) {
            context.report(path.child("nameservers"), ErrorType.INVALID, Nodes.show(nameservers),
                    "must not have more than " + MAX_NAMESERVERS + " nameservers");
        }
        var searches = Nodes.arr(config, "searches");
        if (searches != null) {
            if (searches.size() > MAX_SEARCHES) {
                context.report(path.child("searches"), ErrorType.INVALID, Nodes.show(searches),
                        "must not have more than " + MAX_SEARCHES + " search paths");
            }
            int chars = Math.max(0, searches.size() - 1); // the spaces between them
            for (int i = 0; i < searches.size(); i++) {
                var search = searches.get(i);
                if (!search.isString()) {
                    continue;
                }
                chars += search.asString().length();
                if (search.asString().equals(".")) {
                    continue; // the root domain: newer API servers accept it, and none is hurt by it
                }
                // a trailing dot is fine
                var name = search.asString().endsWith(".")
                        ? search.asString().substring(0, search.asString().length() - 1) : search.asString();
                var problems = context.version().atLeast(1, 34) ? subdomainWithUnderscore(name) : Names.dns1123Subdomain(name);
                for (var msg : problems) {
                    context.report(path.child("searches").index(i), ErrorType.INVALID, Nodes.quote(name), msg);
                }
            }
            if (chars > MAX_SEARCH_CHARS) {
                context.report(path.child("searches"), ErrorType.INVALID, Nodes.show(searches),
                        "must not have more than " + MAX_SEARCH_CHARS + " characters (including spaces) in the search "
                                + "list");
            }
        }
        Nodes.forEachObject(config, "options", path, (option, optionPath, i) -> {
            var name = Nodes.str(option, "name");
            if (name == null || name.isEmpty()) {
                context.report(optionPath, ErrorType.REQUIRED, "must not be empty");
            }
        });
    }

    /**
     * From 1.34 (RelaxedDNSSearchValidation) a search domain may hold '_', as service discovery
     * names do ({@code _sip._tcp.example.com}): {@code IsDNS1123SubdomainWithUnderscore}.
     */
    private static List<String> subdomainWithUnderscore(String name) {
        var problems = new ArrayList<String>();
        if (name.length() > 253) {
            problems.add("must be no more than 253 characters");
        }
        if (!SUBDOMAIN_WITH_UNDERSCORE.matcher(name).matches()) {
            problems.add(UNDERSCORE_SUBDOMAIN_ERROR);
        }
        return problems;
    }
}
