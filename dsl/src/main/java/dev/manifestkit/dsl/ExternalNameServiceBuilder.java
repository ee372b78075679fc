package dev.manifestkit.dsl;

import dev.manifestkit.core.syntax.Names;
import io.fabric8.kubernetes.api.model.ServiceSpec;

/**
 * An ExternalName Service: a DNS alias ({@code CNAME}) to a host outside the cluster. It selects
 * no pods, so it has no {@code selecting(…)}; ports are optional.
 */
public final class ExternalNameServiceBuilder extends AbstractServiceBuilder<ExternalNameServiceBuilder> {

    private final String externalName;

    ExternalNameServiceBuilder(String name, String externalName) {
        super(name);
        Fail.notNull(externalName, ref(), "spec.externalName");
        var host = externalName.endsWith(".") ? externalName.substring(0, externalName.length() - 1) : externalName;
        Fail.check(Names.dns1123Subdomain(host), ref(), "spec.externalName", externalName);
        this.externalName = externalName;
    }

    /** The host name the Service aliases. */
    public String externalName() {
        return externalName;
    }

    @Override
    String type() {
        return "ExternalName";
    }

    @Override
    void completeSpec(ServiceSpec spec) {
        spec.setExternalName(externalName);
    }
}
