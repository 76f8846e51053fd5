package dev.tracker.e2e.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen for Keycloak's login pages: follows redirects one by one,
 * keeps cookies, reads the forms of a page and submits them, and runs the authorization
 * code flow with PKCE (S256) like the portal does.
 * <p>
 * It keeps its own cookies because Keycloak marks its cookies {@code Secure} even on
 * plain-HTTP {@code localhost}, and {@link java.net.CookieManager} never sends a secure
 * cookie over HTTP. Every server of a test stack is on {@code localhost}, so cookies are
 * kept by name and path only.
 */
final class KeycloakBrowser {

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
			Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private static final Pattern INPUT = Pattern.compile("<(input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

	private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

	private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:(\\d+)|[xX]([0-9a-fA-F]+));");

	private static final SecureRandom random = new SecureRandom();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	private final String redirectUri;

	/**
	 * @param redirectUri the client's redirect URI: a redirect there ends a flow (the
	 * browser never loads it)
	 */
	KeycloakBrowser(String redirectUri) {
		this.redirectUri = redirectUri;
	}

	/**
	 * Loads a URL and follows redirects until a page answers or Keycloak redirects to the
	 * client's redirect URI.
	 */
	Page open(String url) {
		return follow(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	/** Submits a form with its own fields, changed or added to by {@code values}. */
	Page submit(Form form, Map<String, String> values) {
		Map<String, String> fields = new LinkedHashMap<>(form.fields());
		fields.putAll(values);
		return follow(HttpRequest.newBuilder(form.action())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
	}

	private Page follow(HttpRequest.Builder first) {
		HttpRequest.Builder next = first;
		for (int hops = 0; hops < 20; hops++) {
			HttpRequest request = withCookies(next).timeout(Duration.ofSeconds(30)).build();
			HttpResponse<String> response = send(request);
			keepCookies(request.uri(), response);
			Optional<String> location = response.headers().firstValue("Location");
			if (response.statusCode() / 100 != 3 || location.isEmpty()) {
				return new Page(request.uri(), response.statusCode(), response.body());
			}
			URI target = request.uri().resolve(location.get());
			if (target.toString().startsWith(this.redirectUri)) {
				return new Page(target, response.statusCode(), "");
			}
			next = HttpRequest.newBuilder(target).GET();
		}
		throw new IllegalStateException("More than 20 redirects");
	}

	private HttpRequest.Builder withCookies(HttpRequest.Builder builder) {
		HttpRequest peek = builder.copy().build();
		String path = (peek.uri().getPath() == null || peek.uri().getPath().isEmpty()) ? "/" : peek.uri().getPath();
		String header = this.cookies.values()
			.stream()
			.filter((cookie) -> path.startsWith(cookie.path()))
			.map((cookie) -> cookie.name() + "=" + cookie.value())
			.collect(Collectors.joining("; "));
		return header.isEmpty() ? builder : builder.setHeader("Cookie", header);
	}

	private void keepCookies(URI uri, HttpResponse<String> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			String[] parts = header.split(";");
			int equals = parts[0].indexOf('=');
			String name = parts[0].substring(0, equals).strip();
			String value = parts[0].substring(equals + 1).strip();
			String path = "/";
			boolean expired = value.isEmpty();
			for (int i = 1; i < parts.length; i++) {
				String attribute = parts[i].strip().toLowerCase(java.util.Locale.ROOT);
				if (attribute.startsWith("path=")) {
					path = parts[i].strip().substring("path=".length());
				}
				if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")
						|| attribute.startsWith("expires=thu, 01-jan-1970")) {
					expired = true;
				}
			}
			String key = name + "@" + path;
			if (expired) {
				this.cookies.remove(key);
			}
			else {
				this.cookies.put(key, new Cookie(name, value, path));
			}
		}
	}

	/** The names of the cookies kept, e.g. to check a session exists. */
	List<String> cookieNames() {
		return this.cookies.values().stream().map(Cookie::name).toList();
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/** A form-encoded body. */
	static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static String unescape(String html) {
		Matcher numeric = NUMERIC_ENTITY
			.matcher(html.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">"));
		StringBuilder text = new StringBuilder();
		while (numeric.find()) {
			int code = (numeric.group(1) != null) ? Integer.parseInt(numeric.group(1))
					: Integer.parseInt(numeric.group(2), 16);
			numeric.appendReplacement(text, Matcher.quoteReplacement(Character.toString(code)));
		}
		numeric.appendTail(text);
		return text.toString().replace("&amp;", "&");
	}

	private static Map<String, String> attributes(String tag) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher matcher = ATTRIBUTE.matcher(tag);
		while (matcher.find()) {
			String value = (matcher.group(3) != null) ? matcher.group(3) : matcher.group(4);
			attributes.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), unescape(value));
		}
		return attributes;
	}

	private record Cookie(String name, String value, String path) {
	}

	/**
	 * A page the browser ended on: the last URI it loaded (or the redirect URI the flow
	 * ended at), its status and its HTML.
	 */
	record Page(URI uri, int status, String html) {

		/** The forms of the page. */
		List<Form> forms() {
			List<Form> forms = new ArrayList<>();
			Matcher form = FORM.matcher(this.html);
			while (form.find()) {
				Map<String, String> attributes = attributes(form.group(1));
				Map<String, String> fields = new LinkedHashMap<>();
				List<String> buttons = new ArrayList<>();
				Matcher input = INPUT.matcher(form.group(2));
				while (input.find()) {
					Map<String, String> field = attributes(input.group(2));
					String name = field.get("name");
					String type = field.getOrDefault("type", "text").toLowerCase(java.util.Locale.ROOT);
					if (name == null) {
						continue;
					}
					if (input.group(1).equalsIgnoreCase("button") || type.equals("submit")) {
						buttons.add(name + "=" + field.getOrDefault("value", ""));
					}
					else if (!type.equals("checkbox") && !type.equals("radio")) {
						fields.put(name, field.getOrDefault("value", ""));
					}
				}
				forms.add(new Form(attributes.get("id"), this.uri.resolve(attributes.getOrDefault("action", "")),
						fields, buttons));
			}
			return forms;
		}

		/** The form with this id. */
		Form form(String id) {
			return forms().stream()
				.filter((form) -> id.equals(form.id()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No form " + id + " on " + this.uri + ":\n" + this.html));
		}

		/** A query parameter of the URI (e.g. the {@code code} of the redirect). */
		Optional<String> parameter(String name) {
			String query = this.uri.getRawQuery();
			if (query == null) {
				return Optional.empty();
			}
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0 && pair.substring(0, equals).equals(name)) {
					return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
			return Optional.empty();
		}

		/** The page's text, without tags, with runs of white space made one space. */
		String text() {
			return unescape(this.html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " "))
				.replaceAll("\\s+", " ");
		}

	}

	/**
	 * A form of a page.
	 *
	 * @param id the form's id attribute
	 * @param action where it is submitted
	 * @param fields its named input fields (not buttons, check boxes or radio buttons)
	 * and their values
	 * @param buttons its submit buttons as {@code name=value}
	 */
	record Form(String id, URI action, Map<String, String> fields, List<String> buttons) {
	}

	/** A PKCE verifier and its S256 challenge. */
	record Pkce(String verifier, String challenge) {

		static Pkce create() {
			byte[] bytes = new byte[32];
			random.nextBytes(bytes);
			String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(verifier.getBytes(StandardCharsets.US_ASCII));
				return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/** A random value for {@code state} and {@code nonce}. */
	static String randomToken() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
