/** manifestkit benchmarks. */
package dev.manifestkit.benchmarks;
