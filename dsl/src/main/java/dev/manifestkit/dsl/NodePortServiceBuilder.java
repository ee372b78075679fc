package dev.manifestkit.dsl;

/** A NodePort Service: the selected pods reachable on a port of every node. */
public final class NodePortServiceBuilder extends NodeExposedServiceBuilder<NodePortServiceBuilder> {

    NodePortServiceBuilder(String name) {
        super(name);
    }

    @Override
    String type() {
        return "NodePort";
    }
}
