package dev.tracker.stats.summary.web;

import dev.tracker.stats.summary.Summary;
import dev.tracker.stats.summary.SummaryQuery;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maintainers and administrators see counts over all issues, reporters over their own.
 */
@RestController
class SummaryController {

	private final SummaryQuery query;

	SummaryController(SummaryQuery query) {
		this.query = query;
	}

	@GetMapping("/api/stats/summary")
	Summary summary(@AuthenticationPrincipal Jwt jwt) {
		boolean staff = SecurityContextHolder.getContext()
			.getAuthentication()
			.getAuthorities()
			.stream()
			.anyMatch((authority) -> authority.getAuthority().equals("ROLE_ADMIN")
					|| authority.getAuthority().equals("ROLE_MAINTAINER"));
		return this.query.summarize(staff ? null : jwt.getSubject());
	}

}
