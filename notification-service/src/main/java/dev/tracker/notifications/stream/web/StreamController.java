package dev.tracker.notifications.stream.web;

import java.util.function.Predicate;

import dev.tracker.notifications.stream.EventHub;
import dev.tracker.notifications.stream.StreamEvent;
import dev.tracker.notifications.stream.StreamProperties;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/events/stream}: Server-Sent Events with {@code id}, {@code event} and
 * JSON {@code data}, a heartbeat comment while idle, and a replay of missed events after
 * {@code Last-Event-ID}. Maintainers and administrators receive every event, reporters
 * the events of their own issues.
 */
@RestController
class StreamController {

	private final EventHub hub;

	private final StreamProperties properties;

	StreamController(EventHub hub, StreamProperties properties) {
		this.hub = hub;
		this.properties = properties;
	}

	@GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> stream(JwtAuthenticationToken authentication,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
		Predicate<StreamEvent> visible = visibleTo(authentication);
		EventHub.Subscription subscription = this.hub.subscribe(lastEventId);
		Flux<ServerSentEvent<String>> opening = subscription.resync()
				? Flux.just(ServerSentEvent.<String>builder().event("resync").data("{}").build())
				: Flux.just(ServerSentEvent.<String>builder().comment("connected").build());
		Flux<ServerSentEvent<String>> events = subscription.events().filter(visible).map(StreamController::toSse);
		Flux<ServerSentEvent<String>> heartbeats = Flux.interval(this.properties.heartbeat())
			.map((tick) -> ServerSentEvent.<String>builder().comment("heartbeat").build());
		return opening.concatWith(Flux.merge(events, heartbeats));
	}

	private static Predicate<StreamEvent> visibleTo(JwtAuthenticationToken authentication) {
		boolean staff = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.anyMatch((authority) -> authority.equals("ROLE_ADMIN") || authority.equals("ROLE_MAINTAINER"));
		String subject = authentication.getToken().getSubject();
		return staff ? (event) -> true : (event) -> subject.equals(event.reporterId());
	}

	private static ServerSentEvent<String> toSse(StreamEvent event) {
		return ServerSentEvent.<String>builder().id(event.id()).event(event.name()).data(event.json()).build();
	}

}
