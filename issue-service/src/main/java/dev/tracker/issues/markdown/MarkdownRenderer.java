package dev.tracker.issues.markdown;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

/**
 * Renders CommonMark (with tables, strikethrough and autolinks) to HTML, then passes it
 * through an allow-list sanitizer, so that no script, event handler, style or
 * {@code javascript:}/{@code data:} URL reaches a browser. Raw HTML in the Markdown is
 * escaped, not interpreted; links get {@code rel="nofollow noopener noreferrer"}; images
 * load only over http(s).
 */
@Component
public class MarkdownRenderer {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create(), StrikethroughExtension.create(),
			AutolinkExtension.create());

	private static final Pattern HTTP_OR_MAIL = Pattern.compile("(?i)^(https?://|mailto:).+");

	private static final Pattern HTTP = Pattern.compile("(?i)^https?://.+");

	private static final Pattern ALIGN = Pattern.compile("(?i)^(left|center|right)$");

	private static final Pattern CODE_LANGUAGE = Pattern.compile("^language-[A-Za-z0-9_+-]{1,32}$");

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	private final PolicyFactory policy = new HtmlPolicyBuilder()
		.allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
				"blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "img")
		.allowAttributes("start")
		.matching(Pattern.compile("^[0-9]{1,6}$"))
		.onElements("ol")
		.allowAttributes("align")
		.matching(ALIGN)
		.onElements("th", "td")
		.allowAttributes("class")
		.matching(CODE_LANGUAGE)
		.onElements("code")
		.allowAttributes("href")
		.matching(HTTP_OR_MAIL)
		.onElements("a")
		.allowAttributes("title")
		.onElements("a", "img")
		.allowAttributes("src")
		.matching(HTTP)
		.onElements("img")
		.allowAttributes("alt")
		.onElements("img")
		.allowUrlProtocols("http", "https", "mailto")
		.requireRelsOnLinks("nofollow", "noopener", "noreferrer")
		.toFactory();

	/** The safe HTML of the Markdown; empty for {@code null}. */
	public String toSafeHtml(String markdown) {
		if (markdown == null || markdown.isBlank()) {
			return "";
		}
		String html = this.renderer.render(this.parser.parse(markdown));
		return this.policy.sanitize(html);
	}

}
