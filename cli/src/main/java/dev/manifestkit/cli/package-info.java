/** manifestkit cli. */
package dev.manifestkit.cli;
