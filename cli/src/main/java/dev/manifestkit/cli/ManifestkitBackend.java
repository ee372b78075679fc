package dev.manifestkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import dev.manifestkit.core.ManifestDocument;

/** The real wiring to core's reader and writer and to the validator. */
final class ManifestkitBackend implements Backend {

    @Override
    public DocumentReader read(InputStream in, String origin) {
        throw new UnsupportedOperationException("waiting for core's ManifestReader");
    }

    @Override
    public Checker checker(ValidateOptions options) {
        throw new UnsupportedOperationException("waiting for validation's Validator");
    }

    @Override
    public void writeYaml(List<ManifestDocument> documents, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("waiting for core's ManifestWriter");
    }

    @Override
    public void writeJson(ManifestDocument document, OutputStream out) throws IOException {
        throw new UnsupportedOperationException("waiting for core's ManifestWriter");
    }
}
