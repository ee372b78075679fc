/** manifestkit core. */
package dev.manifestkit.core;
