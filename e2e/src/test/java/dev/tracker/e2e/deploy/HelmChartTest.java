package dev.tracker.e2e.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static dev.tracker.e2e.deploy.DeployTestUtils.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Lints the Helm chart in {@code k8s/tracker} and checks what it renders, with the
 * default values (plus the Keycloak client secret, the one value without a default) and
 * with every example values file in {@code ci/}. Helm runs in process through helm-java's
 * native library.
 */
class HelmChartTest {

	/** Kubernetes version to render for; the chart demands at least 1.25. */
	private static final String KUBE_VERSION = "1.30.0";

	private static final Path CHART = DeployTestUtils.projectRoot().resolve("k8s/tracker");

	/**
	 * The secret of the issue-service's Keycloak client that {@link #render(Path)} gives
	 * the chart defaults, which have none.
	 */
	private static final String ADMIN_CLIENT_SECRET = "test-issue-service-client-secret";

	/**
	 * Where the chart's own Secret keeps it
	 * (keycloak.adminClient.existingSecretClientSecretKey).
	 */
	private static final String ADMIN_CLIENT_SECRET_KEY = "keycloak-admin-client-secret";

	private static final String ADMIN_CLIENT_SECRET_VARIABLE = "TRACKER_KEYCLOAK_ADMIN_CLIENT_SECRET";

	static Stream<Arguments> valuesFiles() throws IOException {
		List<Arguments> arguments = new ArrayList<>();
		arguments.add(Arguments.of("chart defaults + client secret", null));
		try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
			files.filter((file) -> file.getFileName().toString().endsWith(".yaml"))
				.sorted()
				.forEach((file) -> arguments.add(Arguments.of(file.getFileName().toString(), file)));
		}
		assertThat(arguments).as("example values under ci/").hasSizeGreaterThan(2);
		return arguments.stream();
	}

	@Test
	void chartPassesStrictLint() {
		LintResult result = new Helm(CHART).lint().strict().call();
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.startsWith("[WARNING]"))
			.noneMatch((message) -> message.startsWith("[ERROR]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valuesFiles")
	void rendersADeploymentAndAServicePerService(String name, Path values) {
		List<JsonNode> objects = render(values);
		SERVICES.forEach((service, port) -> {
			JsonNode deployment = find(objects, "Deployment", "tracker-" + service);
			JsonNode container = deployment.at("/spec/template/spec/containers/0");
			assertThat(container.path("image").asString()).as(service).contains("/" + service + ":");
			assertThat(container.at("/ports/0/containerPort").asInt()).as(service).isEqualTo(port);
			assertThat(container.at("/ports/0/name").asString()).as(service).isEqualTo("http");

			JsonNode serviceObject = find(objects, "Service", "tracker-" + service);
			assertThat(serviceObject.at("/spec/ports/0/port").asInt()).as(service).isEqualTo(port);
			assertThat(serviceObject.at("/spec/ports/0/targetPort").asString()).as(service).isEqualTo("http");
			JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
			serviceObject.at("/spec/selector")
				.properties()
				.forEach((label) -> assertThat(podLabels.path(label.getKey()).asString())
					.as("%s selector %s", service, label.getKey())
					.isEqualTo(label.getValue().asString()));
			assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(serviceObject.at("/spec/selector"));
		});
		assertThat(kinds(objects, "Deployment")).hasSize(SERVICES.size());
		assertThat(kinds(objects, "Service")).hasSize(SERVICES.size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valuesFiles")
	void everyContainerIsProbedLimitedAndRunsNonRootReadOnly(String name, Path values) {
		for (JsonNode deployment : kinds(render(values), "Deployment")) {
			String deploymentName = deployment.at("/metadata/name").asString();
			JsonNode pod = deployment.at("/spec/template/spec");
			assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(deploymentName).isTrue();
			assertThat(pod.path("containers").size()).as(deploymentName).isPositive();
			for (JsonNode container : pod.path("containers")) {
				assertThat(container.at("/livenessProbe/httpGet/path").asString()).as(deploymentName)
					.isEqualTo("/actuator/health/liveness");
				assertThat(container.at("/readinessProbe/httpGet/path").asString()).as(deploymentName)
					.isEqualTo("/actuator/health/readiness");
				assertThat(container.at("/resources/requests/memory").asString()).as(deploymentName).isNotBlank();
				assertThat(container.at("/resources/limits/memory").asString()).as(deploymentName).isNotBlank();
				JsonNode securityContext = container.path("securityContext");
				assertThat(securityContext.path("runAsNonRoot").asBoolean()).as(deploymentName).isTrue();
				assertThat(securityContext.path("readOnlyRootFilesystem").asBoolean()).as(deploymentName).isTrue();
				assertThat(securityContext.path("allowPrivilegeEscalation").asBoolean()).as(deploymentName).isFalse();
				assertThat(container.path("volumeMounts").findValuesAsString("mountPath")).as(deploymentName)
					.contains("/tmp");
			}
			assertThat(pod.at("/volumes/0/emptyDir").isObject()).as(deploymentName).isTrue();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valuesFiles")
	void servicesGetTheConfigurationKeysOfTheConventions(String name, Path values) {
		List<JsonNode> objects = render(values);
		JsonNode configMap = kinds(objects, "ConfigMap").get(0);
		assertThat(configMap.path("data").propertyNames()).contains("TRACKER_ISSUER_URI", "TRACKER_JWK_SET_URI",
				"TRACKER_AUDIENCE", "TRACKER_PUBLIC_KEYCLOAK_URL", "KAFKA_BOOTSTRAP_SERVERS", "S3_ENDPOINT",
				"S3_REGION", "S3_BUCKET", "JAVA_TOOL_OPTIONS");
		SERVICES.forEach((service, port) -> {
			if (!service.equals("gateway")) {
				String variable = service.toUpperCase().replace('-', '_') + "_URL";
				assertThat(configMap.at("/data/" + variable).asString()).as(variable)
					.isEqualTo("http://tracker-" + service + ":" + port);
			}
		});
		Map<String, String> databases = Map.of("issue-service", "issues", "file-service", "files", "stats-service",
				"stats");
		for (JsonNode deployment : kinds(objects, "Deployment")) {
			String service = deployment.at("/spec/template/spec/containers/0/name").asString();
			JsonNode env = deployment.at("/spec/template/spec/containers/0/env");
			List<String> variables = env.findValuesAsString("name");
			assertThat(variables).as(service).contains("SERVER_PORT");
			if (databases.containsKey(service)) {
				assertThat(variables).as(service).contains("DB_URL", "DB_USERNAME", "DB_PASSWORD");
				assertThat(envValue(env, "DB_URL")).as(service).endsWith("/" + databases.get(service));
				assertThat(envEntry(env, "DB_PASSWORD").at("/valueFrom/secretKeyRef/key").asString()).as(service)
					.isNotBlank();
			}
			else {
				assertThat(variables).as(service).doesNotContain("DB_URL", "DB_PASSWORD");
			}
			if (service.equals("file-service")) {
				assertThat(variables).contains("S3_ACCESS_KEY", "S3_SECRET_KEY");
			}
			else {
				assertThat(variables).as(service).doesNotContain("S3_ACCESS_KEY", "S3_SECRET_KEY");
			}
		}
	}

	@Test
	void defaultValuesRenderNoAutoscalersBudgetsPoliciesOrIngress() {
		List<JsonNode> objects = render(null);
		assertThat(kinds(objects, "HorizontalPodAutoscaler")).isEmpty();
		assertThat(kinds(objects, "PodDisruptionBudget")).isEmpty();
		assertThat(kinds(objects, "NetworkPolicy")).isEmpty();
		assertThat(kinds(objects, "Ingress")).isEmpty();
		assertThat(kinds(objects, "Secret")).hasSize(1);
		for (JsonNode deployment : kinds(objects, "Deployment")) {
			assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
		}
	}

	@Test
	void fullValuesRenderEveryOptionalObject() {
		List<JsonNode> objects = render(CHART.resolve("ci/full-values.yaml"));
		assertThat(kinds(objects, "HorizontalPodAutoscaler")).hasSize(SERVICES.size());
		assertThat(kinds(objects, "PodDisruptionBudget")).hasSize(SERVICES.size());
		assertThat(kinds(objects, "NetworkPolicy")).hasSize(SERVICES.size() + 1);
		JsonNode ingress = kinds(objects, "Ingress").get(0);
		assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asString())
			.isEqualTo("tracker-gateway");
		assertThat(kinds(objects, "Secret")).as("all three secrets exist already").isEmpty();
		for (JsonNode deployment : kinds(objects, "Deployment")) {
			assertThat(deployment.at("/spec/replicas").isMissingNode()).as("the HPA owns the replica count").isTrue();
		}
		for (JsonNode hpa : kinds(objects, "HorizontalPodAutoscaler")) {
			String target = hpa.at("/spec/scaleTargetRef/name").asString();
			assertThat(find(objects, "Deployment", target)).isNotNull();
		}
	}

	@Test
	void autoscalerAndBudgetAreSwitchedOnPerService() {
		List<JsonNode> objects = render(null,
				(command) -> command.set("services.stats-service.autoscaling.enabled", "true")
					.set("services.gateway.podDisruptionBudget.enabled", "true"));
		assertThat(kinds(objects, "HorizontalPodAutoscaler")).extracting((hpa) -> hpa.at("/metadata/name").asString())
			.containsExactly("tracker-stats-service");
		assertThat(kinds(objects, "PodDisruptionBudget")).extracting((pdb) -> pdb.at("/metadata/name").asString())
			.containsExactly("tracker-gateway");
		assertThat(find(objects, "Deployment", "tracker-stats-service").at("/spec/replicas").isMissingNode()).isTrue();
		assertThat(find(objects, "Deployment", "tracker-issue-service").at("/spec/replicas").asInt()).isEqualTo(1);
	}

	@Test
	void networkPoliciesDenyIngressAndLetOnlyTheGatewayReachTheServices() {
		List<JsonNode> objects = render(null, (command) -> command.set("networkPolicy.enabled", "true"));
		List<JsonNode> policies = kinds(objects, "NetworkPolicy");
		JsonNode denyAll = find(objects, "NetworkPolicy", "tracker-default-deny");
		assertThat(denyAll.at("/spec/policyTypes/0").asString()).isEqualTo("Ingress");
		assertThat(denyAll.at("/spec/ingress").isMissingNode()).isTrue();
		JsonNode gateway = find(objects, "NetworkPolicy", "tracker-gateway");
		assertThat(gateway.at("/spec/ingress/0/from").isMissingNode()).as("gateway open to the ingress controller")
			.isTrue();
		for (String service : SERVICES.keySet()) {
			if (!service.equals("gateway")) {
				JsonNode policy = find(objects, "NetworkPolicy", "tracker-" + service);
				assertThat(policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1component").asString())
					.isEqualTo(service);
				JsonNode from = policy.at("/spec/ingress/0/from");
				assertThat(from.size()).as(service).isEqualTo(1);
				assertThat(from.at("/0/podSelector/matchLabels/app.kubernetes.io~1component").asString()).as(service)
					.isEqualTo("gateway");
				assertThat(policy.at("/spec/ingress").size()).as(service).isEqualTo(1);
			}
		}
		assertThat(policies).hasSize(SERVICES.size() + 1);
		for (JsonNode policy : policies) {
			String policyName = policy.at("/metadata/name").asString();
			List<String> types = new ArrayList<>();
			policy.at("/spec/policyTypes").forEach((type) -> types.add(type.asString()));
			assertThat(types)
				.as("%s restricts ingress only, so the issue-service reaches Keycloak's admin API", policyName)
				.containsExactly("Ingress");
			assertThat(policy.at("/spec/egress").isMissingNode()).as(policyName).isTrue();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("valuesFiles")
	void onlyTheIssueServiceGetsTheKeycloakAdminClientSecret(String name, Path values) {
		List<JsonNode> objects = render(values);
		JsonNode issueEnv = find(objects, "Deployment", "tracker-issue-service")
			.at("/spec/template/spec/containers/0/env");
		JsonNode secretEntry = envEntry(issueEnv, ADMIN_CLIENT_SECRET_VARIABLE);
		assertThat(secretEntry.has("value")).as("the secret is never a plain value").isFalse();
		JsonNode reference = secretEntry.at("/valueFrom/secretKeyRef");
		assertThat(reference.path("name").asString()).isNotBlank();
		assertThat(reference.path("key").asString()).isNotBlank();
		assertThat(envValue(issueEnv, "TRACKER_KEYCLOAK_ADMIN_CLIENT_ID")).isNotBlank();
		for (JsonNode deployment : kinds(objects, "Deployment")) {
			String service = deployment.at("/spec/template/spec/containers/0/name").asString();
			JsonNode container = deployment.at("/spec/template/spec/containers/0");
			assertThat(container.path("envFrom").findValues("secretRef")).as("%s takes no whole Secret", service)
				.isEmpty();
			if (!service.equals("issue-service")) {
				assertThat(container.path("env").findValuesAsString("name")).as(service)
					.noneMatch((variable) -> variable.startsWith("TRACKER_KEYCLOAK_ADMIN_"));
				assertThat(container.path("env").findValues("secretKeyRef")).as(service).doesNotContain(reference);
			}
		}
		JsonNode configMap = kinds(objects, "ConfigMap").get(0);
		assertThat(configMap.path("data").propertyNames())
			.noneMatch((variable) -> variable.startsWith("TRACKER_KEYCLOAK_ADMIN_"));
	}

	@Test
	void keycloakAdminClientSecretIsStoredInTheChartsSecret() {
		String rendered = template(null,
				(command) -> command.set("keycloak.adminClient.clientSecret", ADMIN_CLIENT_SECRET));
		List<JsonNode> objects = DeployTestUtils.readYamlDocuments(rendered);
		JsonNode secret = find(objects, "Secret", "tracker");
		assertThat(decode(secret.at("/data/" + ADMIN_CLIENT_SECRET_KEY).asString())).isEqualTo(ADMIN_CLIENT_SECRET);
		assertThat(rendered).as("the secret appears nowhere else, not even in plain text")
			.doesNotContain(ADMIN_CLIENT_SECRET)
			.containsOnlyOnce(base64(ADMIN_CLIENT_SECRET));
		JsonNode env = find(objects, "Deployment", "tracker-issue-service").at("/spec/template/spec/containers/0/env");
		JsonNode reference = envEntry(env, ADMIN_CLIENT_SECRET_VARIABLE).at("/valueFrom/secretKeyRef");
		assertThat(reference.path("name").asString()).isEqualTo("tracker");
		assertThat(reference.path("key").asString()).isEqualTo(ADMIN_CLIENT_SECRET_KEY);
		assertThat(envValue(env, "TRACKER_KEYCLOAK_ADMIN_CLIENT_ID")).isEqualTo("tracker-issue-service");
		assertThat(env.findValuesAsString("name")).as("the base URL follows the JWK set URI by default")
			.doesNotContain("TRACKER_KEYCLOAK_ADMIN_BASE_URL");
	}

	@Test
	void keycloakAdminClientSecretComesFromAnExistingSecret() {
		// No clientSecret at all: an existing Secret is enough.
		List<JsonNode> objects = DeployTestUtils.readYamlDocuments(template(null,
				(command) -> command.set("keycloak.adminClient.existingSecret", "keycloak-admin")
					.set("keycloak.adminClient.existingSecretClientSecretKey", "client-secret")
					.set("keycloak.adminClient.clientId", "tracker-issues")
					.set("keycloak.adminClient.baseUrl", "http://keycloak-http.keycloak")));
		JsonNode secret = find(objects, "Secret", "tracker");
		assertThat(secret.path("data").propertyNames()).as("the chart stores no client secret")
			.containsExactlyInAnyOrder("db-password", "s3-access-key", "s3-secret-key");
		JsonNode env = find(objects, "Deployment", "tracker-issue-service").at("/spec/template/spec/containers/0/env");
		JsonNode reference = envEntry(env, ADMIN_CLIENT_SECRET_VARIABLE).at("/valueFrom/secretKeyRef");
		assertThat(reference.path("name").asString()).isEqualTo("keycloak-admin");
		assertThat(reference.path("key").asString()).isEqualTo("client-secret");
		assertThat(envValue(env, "TRACKER_KEYCLOAK_ADMIN_CLIENT_ID")).isEqualTo("tracker-issues");
		assertThat(envValue(env, "TRACKER_KEYCLOAK_ADMIN_BASE_URL")).isEqualTo("http://keycloak-http.keycloak");
	}

	@Test
	void renderingWithoutAKeycloakAdminClientSecretFails() {
		String message = "set keycloak.adminClient.clientSecret";
		assertThatIllegalStateException().isThrownBy(() -> template(null, UnaryOperator.identity()))
			.withMessageContaining(message)
			.withMessageContaining("TRACKER_ISSUE_SERVICE_CLIENT_SECRET")
			.withMessageContaining("or keycloak.adminClient.existingSecret");
		// Also when the other secrets exist already and the chart's Secret holds nothing
		// else.
		assertThatIllegalStateException()
			.isThrownBy(() -> template(null,
					(command) -> command.set("postgresql.existingSecret", "db")
						.set("s3.existingSecret", "s3")
						.set("keycloak.adminClient.clientSecret", "")))
			.withMessageContaining(message);
	}

	@Test
	void existingSecretsReplaceTheChartsSecret() {
		List<JsonNode> objects = render(null, (command) -> command.set("postgresql.existingSecret", "db")
			.set("postgresql.existingSecretPasswordKey", "password"));
		JsonNode secret = kinds(objects, "Secret").get(0);
		assertThat(secret.path("data").propertyNames()).containsExactlyInAnyOrder("s3-access-key", "s3-secret-key",
				ADMIN_CLIENT_SECRET_KEY);
		JsonNode env = find(objects, "Deployment", "tracker-issue-service").at("/spec/template/spec/containers/0/env");
		assertThat(envEntry(env, "DB_PASSWORD").at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("db");
		assertThat(envEntry(env, "DB_PASSWORD").at("/valueFrom/secretKeyRef/key").asString()).isEqualTo("password");
	}

	@Test
	void schemaRejectsInvalidValues() {
		assertThatIllegalStateException()
			.isThrownBy(() -> render(null, (command) -> command.set("services.gateway.port", "0")))
			.withMessageContaining("port");
		assertThatIllegalStateException().isThrownBy(() -> render(null, (command) -> command.set("unknownKey", "x")))
			.withMessageContaining("unknownKey");
	}

	@Test
	void valuesFileHasACommentAboveEveryKey() {
		List<String> lines = DeployTestUtils.read(CHART.resolve("values.yaml")).lines().toList();
		Pattern key = Pattern.compile("^(\\s*)([A-Za-z0-9_.\"-]+):");
		List<String> uncommented = new ArrayList<>();
		int listIndent = -1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int indent = line.length() - line.stripLeading().length();
			if (trimmed.startsWith("- ")) {
				listIndent = indent;
				continue;
			}
			Matcher matcher = key.matcher(line);
			if (!matcher.find() || (listIndent >= 0 && indent > listIndent)) {
				continue;
			}
			listIndent = -1;
			if (i == 0 || !lines.get(i - 1).strip().startsWith("#")) {
				uncommented.add((i + 1) + ": " + line);
			}
		}
		assertThat(uncommented).as("keys of values.yaml without a comment line above").isEmpty();
	}

	/**
	 * Renders the chart with a values file, or with its defaults plus
	 * {@link #ADMIN_CLIENT_SECRET} (which the defaults lack) when {@code values} is null.
	 */
	private static List<JsonNode> render(Path values) {
		return render(values, UnaryOperator.identity());
	}

	private static List<JsonNode> render(Path values, UnaryOperator<TemplateCommand> options) {
		UnaryOperator<TemplateCommand> withSecret = (values != null) ? options
				: (command) -> options.apply(command.set("keycloak.adminClient.clientSecret", ADMIN_CLIENT_SECRET));
		return DeployTestUtils.readYamlDocuments(template(values, withSecret));
	}

	/** Renders the chart as it is, without adding a client secret. */
	private static String template(Path values, UnaryOperator<TemplateCommand> options) {
		TemplateCommand command = new Helm(CHART).template()
			.withName("tracker")
			.withNamespace("tracker")
			.withKubeVersion(KUBE_VERSION);
		if (values != null) {
			command = command.withValuesFile(values);
		}
		return options.apply(command).call();
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String base64) {
		return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
	}

	private static List<JsonNode> kinds(List<JsonNode> objects, String kind) {
		return objects.stream().filter((object) -> kind.equals(object.path("kind").asString())).toList();
	}

	private static JsonNode find(List<JsonNode> objects, String kind, String name) {
		return kinds(objects, kind).stream()
			.filter((object) -> name.equals(object.at("/metadata/name").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
	}

	private static JsonNode envEntry(JsonNode env, String name) {
		for (JsonNode entry : env) {
			if (name.equals(entry.path("name").asString())) {
				return entry;
			}
		}
		throw new AssertionError("no environment variable " + name);
	}

	private static String envValue(JsonNode env, String name) {
		return envEntry(env, name).path("value").asString();
	}

}
