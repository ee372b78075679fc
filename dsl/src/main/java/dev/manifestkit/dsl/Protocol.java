package dev.manifestkit.dsl;

/** Network protocol of a container or service port. Kubernetes' default, when none is set, is TCP. */
public enum Protocol {
    /** Transmission Control Protocol. */
    TCP,
    /** User Datagram Protocol. */
    UDP,
    /** Stream Control Transmission Protocol. */
    SCTP
}
