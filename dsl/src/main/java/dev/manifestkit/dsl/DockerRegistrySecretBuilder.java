package dev.manifestkit.dsl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

/**
 * A docker-registry Secret ({@code kubernetes.io/dockerconfigjson}), with {@code .dockerconfigjson}
 * exactly as {@code kubectl create secret docker-registry} writes it:
 * {@code {"auths":{"<server>":{"username":…,"password":…,"email":…,"auth":base64(user:password)}}}}.
 * Pods use it through {@code imagePullSecret(…)}.
 */
public final class DockerRegistrySecretBuilder extends AbstractSecretBuilder<DockerRegistrySecretBuilder> {

    /** The registry kubectl uses when no server is given (Docker Hub). */
    public static final String DOCKER_HUB = "https://index.docker.io/v1/";
    /** The one key of a docker-registry Secret. */
    public static final String KEY = ".dockerconfigjson";

    private String server = DOCKER_HUB;
    private String username;
    private String password;
    private String email;

    DockerRegistrySecretBuilder(String name) {
        super(name);
    }

    /** The registry server ({@code --docker-server}); Docker Hub when not set. */
    public DockerRegistrySecretBuilder server(String server) {
        if (server == null || server.isEmpty()) {
            throw Fail.required(ref(), "data[" + KEY + "].auths", "the server must not be empty");
        }
        this.server = server;
        return this;
    }

    /** The user name ({@code --docker-username}). */
    public DockerRegistrySecretBuilder username(String username) {
        this.username = Fail.notNull(username, ref(), "data[" + KEY + "].username");
        return this;
    }

    /** The password or token ({@code --docker-password}). */
    public DockerRegistrySecretBuilder password(String password) {
        this.password = Fail.notNull(password, ref(), "data[" + KEY + "].password");
        return this;
    }

    /** The e-mail address ({@code --docker-email}); left out of the JSON when not set. */
    public DockerRegistrySecretBuilder email(String email) {
        this.email = Fail.notNull(email, ref(), "data[" + KEY + "].email");
        return this;
    }

    @Override
    public Set<String> keys() {
        return Set.of(KEY);
    }

    @Override
    String secretType() {
        return "kubernetes.io/dockerconfigjson";
    }

    @Override
    io.fabric8.kubernetes.api.model.Secret assemble() {
        if (username == null || username.isEmpty()) {
            throw Fail.required(ref(), "data[" + KEY + "]", "username(…) must be set");
        }
        if (password == null || password.isEmpty()) {
            throw Fail.required(ref(), "data[" + KEY + "]", "password(…) must be set");
        }
        var secret = super.assemble();
        var data = new java.util.LinkedHashMap<String, String>();
        data.put(KEY, Base64.getEncoder().encodeToString(dockerConfigJson().getBytes(StandardCharsets.UTF_8)));
        secret.setData(data);
        return secret;
    }

    /** The JSON as Go's encoding/json writes kubectl's struct: fields in declaration order, HTML-safe escaping. */
    private String dockerConfigJson() {
        var auth = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        var entry = new StringBuilder()
                .append("{\"username\":").append(GoJson.string(username))
                .append(",\"password\":").append(GoJson.string(password));
        if (email != null && !email.isEmpty()) {
            entry.append(",\"email\":").append(GoJson.string(email));
        }
        entry.append(",\"auth\":").append(GoJson.string(auth)).append('}');
        return "{\"auths\":{" + GoJson.string(server) + ":" + entry + "}}";
    }
}
