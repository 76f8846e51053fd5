package dev.tracker.notifications.stream;

import dev.tracker.events.IssueEvent;

/**
 * An issue event on its way to browsers.
 *
 * @param id the event id, sent as the SSE {@code id}
 * @param name the SSE event name, e.g. {@code issue.created}
 * @param reporterId the reporter of the issue, who may see it besides maintainers and
 * administrators
 * @param json the event as JSON, sent as the SSE {@code data}
 */
public record StreamEvent(String id, String name, String reporterId, String json) {

	/** The stream event of an issue event and its JSON. */
	public static StreamEvent of(IssueEvent event, String json) {
		return new StreamEvent(event.eventId().toString(), IssueEvent.Type.ofCloudEventType(event.type()).shortName(),
				event.issue().reporter().id(), json);
	}

}
