package dev.tracker.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Validates event JSON against the JSON Schema of its type. Shared with producers'
 * contract tests through this module's test-jar.
 */
public final class EventSchemas {

	private static final String BASE = "https://tracker.dev/schemas/events/";

	private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder
				.schemaIdResolvers((resolvers) -> resolvers.mapPrefix(BASE, "classpath:dev/tracker/events/schemas/")));

	private static final Map<IssueEvent.Type, Schema> schemas = new ConcurrentHashMap<>();

	private EventSchemas() {
	}

	/** The violations of the event type's schema by the JSON; empty if it is valid. */
	public static List<String> violations(IssueEvent.Type type, String json) {
		Schema schema = schemas.computeIfAbsent(type,
				(key) -> registry.getSchema(SchemaLocation.of(BASE + key.cloudEventType() + ".schema.json")));
		return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
	}

}
