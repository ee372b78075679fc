/**
 * AssertJ assertions and YAML snapshots for manifests, for users' unit tests. Start from
 * {@link dev.manifestkit.testing.ManifestAssertions}:
 *
 * <pre>{@code
 * assertThat(app).isValid().matchesSnapshot("app");
 * assertThat(app).containsDeployment("web").hasReplicas(3).container("web").hasImage("web:1.2.0");
 * assertThat(app).containsService("web").hasPort(80, 8080).selects("web");
 * }</pre>
 */
package dev.manifestkit.testing;
