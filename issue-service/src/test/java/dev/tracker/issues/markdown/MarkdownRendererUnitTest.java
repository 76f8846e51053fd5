package dev.tracker.issues.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererUnitTest {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	/** Known ways to get script into a page, as raw HTML and as Markdown. */
	static List<String> xssPayloads() {
		return List.of("<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
				"<img src=x onerror=alert(1)>", "<img src=\"x\" onerror=\"alert(1)\">", "<body onload=alert(1)>",
				"<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
				"<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
				"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
				"<iframe src=\"javascript:alert(1)\"></iframe>", "<iframe srcdoc=\"<script>alert(1)</script>\">",
				"<object data=\"javascript:alert(1)\">", "<embed src=\"data:text/html,<script>alert(1)</script>\">",
				"<a href=\"javascript:alert(1)\">click</a>", "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
				"<a href=\"&#106;avascript:alert(1)\">click</a>", "<a href=\"java\tscript:alert(1)\">tab</a>",
				"[click](javascript:alert(1))", "[click](JAVASCRIPT:alert(1))", "[click](  javascript:alert(1))",
				"[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "[click](vbscript:msgbox(1))",
				"![img](javascript:alert(1))", "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
				"[x](https://ok.example \"title\" onmouseover=\"alert(1)\")",
				"<div style=\"background:url(javascript:alert(1))\">x</div>",
				"<style>body{background:url('javascript:alert(1)')}</style>",
				"<link rel=stylesheet href=//evil.example/x.css>",
				"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
				"<base href=\"javascript:alert(1)//\">",
				"<form action=\"javascript:alert(1)\"><button>go</button></form>", "<input autofocus onfocus=alert(1)>",
				"<details open ontoggle=alert(1)>", "<video><source onerror=\"alert(1)\"></video>",
				"<<script>script>alert(1)<</script>/script>", "<scr<script>ipt>alert(1)</scr</script>ipt>",
				"<img src=`x`onerror=alert(1)>", "<a href=\"#\" onclick=\"alert(1)\">x</a>",
				"<p title=\"</p><script>alert(1)</script>\">x</p>",
				"<table><tr><td onmouseover=alert(1)>x</td></tr></table>", "`<script>alert(1)</script>`",
				"```html\n<script>alert(1)</script>\n```", "<!--<script>alert(1)</script>-->",
				"<![CDATA[<script>alert(1)</script>]]>",
				"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
				"<template><script>alert(1)</script></template>",
				"<a href=\"data:text/html,<script>alert(1)</script>\">d</a>",
				"<img srcset=\"x 1x, javascript:alert(1) 2x\">", "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
				"> <script>alert(1)</script>", "* [list](javascript:alert(1))",
				"<https://ok.example/\" onmouseover=\"alert(1)>");
	}

	private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z0-9]+)([^>]*)>");

	private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");

	private static final Set<String> SAFE_ELEMENTS = Set.of("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
			"strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th",
			"td", "a", "img");

	private static final Set<String> SAFE_ATTRIBUTES = Set.of("href", "src", "alt", "title", "rel", "align", "class",
			"start");

	/**
	 * Every tag of the output is an allowed element with allowed attributes, and every
	 * URL is http(s) or mailto; whatever else the payload had is text (escaped), which a
	 * browser shows instead of running.
	 */
	@ParameterizedTest
	@MethodSource("xssPayloads")
	void nothingExecutableSurvivesRendering(String payload) {
		String html = this.renderer.toSafeHtml(payload);

		Matcher tags = TAG.matcher(html);
		while (tags.find()) {
			assertThat(SAFE_ELEMENTS).as("element in %s", html).contains(tags.group(2).toLowerCase(Locale.ROOT));
			String rest = ATTRIBUTE.matcher(tags.group(3)).replaceAll("").strip();
			assertThat(rest).as("unquoted or odd attributes in %s", html).isIn("", "/");
			Matcher attribute = ATTRIBUTE.matcher(tags.group(3));
			while (attribute.find()) {
				String name = attribute.group(1).toLowerCase(Locale.ROOT);
				assertThat(SAFE_ATTRIBUTES).as("attribute in %s", html).contains(name);
				if (name.equals("href") || name.equals("src")) {
					assertThat(attribute.group(2)).as("URL in %s", html).matches("(?i)(https?://|mailto:).*");
				}
			}
		}
		assertThat(html).doesNotContain("<!--", "<![CDATA[");
	}

	@Test
	void ordinaryMarkdownRenders() {
		String html = this.renderer.toSafeHtml("""
				# Upload fails

				Steps with **bold**, *emphasis* and ~~strike~~:

				1. open `settings`
				2. click [the docs](https://docs.example/upload "Upload docs")

				| browser | result |
				|:--------|-------:|
				| Firefox | fails  |

				```java
				var x = 1 < 2;
				```

				> quoted

				![screenshot](https://img.example/shot.png)

				https://auto.example/link
				""");

		assertThat(html).contains("<h1>Upload fails</h1>", "<strong>bold</strong>", "<em>emphasis</em>",
				"<del>strike</del>", "<ol>", "<code>settings</code>", "<table>", "<th align=\"left\">browser</th>",
				"<td align=\"right\">fails</td>", "<pre><code class=\"language-java\">var x &#61; 1 &lt; 2;",
				"<blockquote>", "src=\"https://img.example/shot.png\"", "alt=\"screenshot\"",
				"href=\"https://auto.example/link\"");
		assertThat(html).containsPattern(
				"<a href=\"https://docs.example/upload\" title=\"Upload docs\" rel=\"nofollow noopener noreferrer\">the docs</a>");
	}

	@Test
	void rawHtmlIsShownAsTextNotInterpreted() {
		assertThat(this.renderer.toSafeHtml("a <b>bold</b> claim")).contains("&lt;b&gt;bold&lt;/b&gt;");
	}

	@Test
	void nothingRendersAsNothing() {
		assertThat(this.renderer.toSafeHtml(null)).isEmpty();
		assertThat(this.renderer.toSafeHtml("   ")).isEmpty();
	}

}
