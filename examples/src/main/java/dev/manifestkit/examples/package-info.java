/** manifestkit examples. */
package dev.manifestkit.examples;
