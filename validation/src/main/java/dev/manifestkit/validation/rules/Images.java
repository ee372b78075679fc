package dev.manifestkit.validation.rules;

/** Reading container image references: {@code [registry/]repository[:tag][@digest]}. */
final class Images {

    private Images() {
    }

    /** True if the reference pins a digest ({@code @sha256:…}). */
    static boolean hasDigest(String image) {
        return image.indexOf('@') >= 0;
    }

    /** The tag, or null if there is none (a ':' after the last '/' starts the tag). */
    static String tag(String image) {
        var name = hasDigest(image) ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(colon + 1) : null;
    }

    /**
     * True if the first path component names a registry host: it holds a '.' or a ':' (a port),
     * or is {@code localhost}. {@code nginx} and {@code team/app} resolve to Docker Hub.
     */
    static boolean hasRegistryHost(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return false;
        }
        var first = image.substring(0, slash);
        return first.indexOf('.') >= 0 || first.indexOf(':') >= 0 || first.equals("localhost");
    }
}
