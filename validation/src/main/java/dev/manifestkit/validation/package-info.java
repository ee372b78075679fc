/** manifestkit validation. */
package dev.manifestkit.validation;
