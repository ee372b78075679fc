/** manifestkit testing. */
package dev.manifestkit.testing;
