package dev.tracker.events;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened to an issue, as published on Kafka topic {@value #TOPIC}.
 * <p>
 * The record key is the issue id, so one issue's events stay in order. CloudEvents
 * attributes ({@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time},
 * {@code ce_subject}) ride as Kafka headers; the value is the event record as JSON,
 * carrying the issue's state after the change so consumers never call back. Consumers
 * compare {@link IssueSnapshot#version()} to ignore stale or duplicate deliveries.
 */
public sealed interface IssueEvent
		permits IssueCreated, IssueUpdated, IssueStatusChanged, IssueDeleted, IssueCommented, IssueAttachmentAdded {

	/** The Kafka topic all issue events are published to. */
	String TOPIC = "issue-events";

	/** The CloudEvents {@code source} of events published by the issue service. */
	String SOURCE = "/issue-service";

	/** Unique id of this event; the CloudEvents {@code id}. */
	UUID eventId();

	/** When the change happened. */
	Instant occurredAt();

	/** Who made the change. */
	Actor actor();

	/** The issue's state after the change. */
	IssueSnapshot issue();

	/** The CloudEvents {@code type}, e.g. {@code tracker.issue.created}. */
	default String type() {
		return Type.of(getClass()).cloudEventType();
	}

	/**
	 * The CloudEvents attributes of this event, as the Kafka headers ({@code ce_*},
	 * binary content mode) its record carries.
	 */
	default Map<String, String> cloudEventHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("ce_specversion", "1.0");
		headers.put("ce_id", eventId().toString());
		headers.put("ce_source", SOURCE);
		headers.put("ce_type", type());
		headers.put("ce_time", occurredAt().toString());
		headers.put("ce_subject", issue().id().toString());
		return headers;
	}

	/** Every event type with its CloudEvents type name and its record. */
	enum Type {

		CREATED("tracker.issue.created", IssueCreated.class),

		UPDATED("tracker.issue.updated", IssueUpdated.class),

		STATUS_CHANGED("tracker.issue.status-changed", IssueStatusChanged.class),

		DELETED("tracker.issue.deleted", IssueDeleted.class),

		COMMENTED("tracker.issue.commented", IssueCommented.class),

		ATTACHMENT_ADDED("tracker.issue.attachment-added", IssueAttachmentAdded.class);

		private final String cloudEventType;

		private final Class<? extends IssueEvent> recordType;

		Type(String cloudEventType, Class<? extends IssueEvent> recordType) {
			this.cloudEventType = cloudEventType;
			this.recordType = recordType;
		}

		/** The CloudEvents type, e.g. {@code tracker.issue.created}. */
		public String cloudEventType() {
			return this.cloudEventType;
		}

		/** The short name used as SSE event name, e.g. {@code issue.created}. */
		public String shortName() {
			return this.cloudEventType.substring("tracker.".length());
		}

		/** The record that carries this event type. */
		public Class<? extends IssueEvent> recordType() {
			return this.recordType;
		}

		/** The classpath resource holding this event type's JSON Schema. */
		public String schemaResource() {
			return "/dev/tracker/events/schemas/" + this.cloudEventType + ".schema.json";
		}

		/**
		 * The type of a CloudEvents type name; {@code IllegalArgumentException} if
		 * unknown.
		 */
		public static Type ofCloudEventType(String cloudEventType) {
			return Arrays.stream(values())
				.filter((type) -> type.cloudEventType.equals(cloudEventType))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown issue event type '" + cloudEventType + "'"));
		}

		static Type of(Class<?> recordType) {
			return Arrays.stream(values())
				.filter((type) -> type.recordType.equals(recordType))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Not an issue event: " + recordType));
		}

	}

}
