package dev.manifestkit.core.yaml;

/** How manifests are laid out in a directory. */
public enum Layout {

    /**
     * One file per object, named {@code <kind>-<name>.yaml} in lower case
     * ({@code deployment-web.yaml}); objects whose names would clash (same kind and name in two
     * namespaces) get {@code <kind>-<namespace>-<name>.yaml}. Easy to diff and review.
     */
    FILE_PER_OBJECT,

    /**
     * One multi-document file, {@value ManifestWriter#SINGLE_FILE_NAME}, in install order, so
     * {@code kubectl apply -f} creates a Namespace before what lives in it.
     */
    SINGLE_FILE
}
