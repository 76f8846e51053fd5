package dev.tracker.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeaderFirewallUnitTest {

	@Test
	void headerValuesMayHoldPrintableTextTabsAndUnicode() {
		assertThat(HeaderFirewall.HEADER_VALUE).accepts(null, "", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
				"text/html,*/*;q=0.8", "a\tb", "Grüße 😀", "\u00a0");
	}

	@Test
	void headerValuesMayNotHoldControlOrUnassignedCharacters() {
		assertThat(HeaderFirewall.HEADER_VALUE).rejects("a\nb", "a\rb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u0378b",
				"a\uDBFF\uDFFFb");
	}

	@Test
	void namesAndParametersMayNotHoldTabs() {
		assertThat(HeaderFirewall.ASSIGNED_AND_NOT_CONTROL).accepts("X-Request-Id", "q", "ä")
			.rejects("a\tb", "a\nb", "a\u0000b");
	}

	@Test
	void firewallRefusesARequestWithAControlCharacterInAHeader() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/api/issues").header("X-Evil", "a\u0007b"));

		ServerWebExchange firewalled = HeaderFirewall.create().getFirewalledExchange(exchange).block();

		assertThatExceptionOfType(ServerExchangeRejectedException.class)
			.isThrownBy(() -> firewalled.getRequest().getHeaders().getFirst("X-Evil"));
	}

}
