/** manifestkit maven-plugin. */
package dev.manifestkit.maven;
