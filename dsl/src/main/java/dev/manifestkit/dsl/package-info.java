/** manifestkit dsl. */
package dev.manifestkit.dsl;
