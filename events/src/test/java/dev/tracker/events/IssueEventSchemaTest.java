package dev.tracker.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class IssueEventSchemaTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Actor RITA = new Actor("a1b2", "Rita Reporter", "reporter@example.com");

	private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123456Z");

	static IssueSnapshot snapshot(IssueStatus status, long version) {
		return new IssueSnapshot(UUID.randomUUID(), "TRK-42", "Upload fails for PNGs", "It *fails*", IssueSeverity.HIGH,
				status, RITA, null, List.of(UUID.randomUUID()), NOW, NOW, (status == IssueStatus.RESOLVED) ? NOW : null,
				version);
	}

	static Stream<IssueEvent> oneOfEachType() {
		return Stream.of(new IssueCreated(UUID.randomUUID(), NOW, RITA, snapshot(IssueStatus.OPEN, 0)),
				new IssueUpdated(UUID.randomUUID(), NOW, RITA, snapshot(IssueStatus.OPEN, 1), List.of("title")),
				new IssueStatusChanged(
						UUID.randomUUID(), NOW, RITA, snapshot(IssueStatus.CLOSED, 2), IssueStatus.OPEN, "WONT_FIX"),
				new IssueDeleted(UUID.randomUUID(), NOW, RITA, snapshot(IssueStatus.OPEN, 3)),
				new IssueCommented(UUID.randomUUID(), NOW, RITA, snapshot(IssueStatus.OPEN, 4), UUID.randomUUID(),
						"Same here"),
				new IssueAttachmentAdded(UUID.randomUUID(), NOW, RITA, snapshot(IssueStatus.OPEN, 5),
						UUID.randomUUID()));
	}

	@ParameterizedTest
	@MethodSource("oneOfEachType")
	void everyEventRecordSerializesToJsonItsSchemaAccepts(IssueEvent event) {
		String serialized = json.writeValueAsString(event);
		IssueEvent.Type type = IssueEvent.Type.ofCloudEventType(event.type());

		assertThat(EventSchemas.violations(type, serialized)).isEmpty();
		assertThat(json.readValue(serialized, type.recordType())).isEqualTo(event);
	}

	@ParameterizedTest
	@EnumSource(IssueEvent.Type.class)
	void everyTypeHasASchemaThatRejectsAnEmptyObject(IssueEvent.Type type) {
		assertThat(EventSchemas.violations(type, "{}")).isNotEmpty();
	}

	@Test
	void schemaRejectsAnUnknownStatusAndAMissingVersion() {
		ObjectNode event = (ObjectNode) json.readTree(
				json.writeValueAsString(new IssueCreated(UUID.randomUUID(), NOW, RITA, snapshot(IssueStatus.OPEN, 0))));
		((ObjectNode) event.get("issue")).put("status", "DONE");
		((ObjectNode) event.get("issue")).remove("version");

		assertThat(EventSchemas.violations(IssueEvent.Type.CREATED, event.toString())).hasSize(2);
	}

	@Test
	void typeNamesAreTheCloudEventsTypesAndShortNamesDropThePrefix() {
		assertThat(IssueEvent.Type.STATUS_CHANGED.cloudEventType()).isEqualTo("tracker.issue.status-changed");
		assertThat(IssueEvent.Type.STATUS_CHANGED.shortName()).isEqualTo("issue.status-changed");
		assertThat(IssueEvent.Type.ofCloudEventType("tracker.issue.commented")).isEqualTo(IssueEvent.Type.COMMENTED);
	}

	@Test
	void snapshotCopiesItsAttachmentList() {
		List<UUID> attachments = new java.util.ArrayList<>(List.of(UUID.randomUUID()));
		IssueSnapshot snapshot = new IssueSnapshot(UUID.randomUUID(), "TRK-1", "t", null, IssueSeverity.LOW,
				IssueStatus.OPEN, RITA, null, attachments, NOW, NOW, null, 0);
		attachments.clear();

		assertThat(snapshot.attachmentIds()).hasSize(1);
		assertThat(IssueStatus.RESOLVED.isOpen()).isFalse();
		assertThat(IssueStatus.IN_PROGRESS.isOpen()).isTrue();
	}

}
