/**
 * Canonical JSON trees of Kubernetes objects: the one form manifestkit validates and writes, with a
 * fixed key order and no nulls, so equal objects always give equal bytes.
 */
package dev.manifestkit.core.tree;
