import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import dev.tracker.devstack.Console;
import dev.tracker.devstack.ProjectLayout;
import dev.tracker.devstack.ServiceServer;
import dev.tracker.devstack.Stack;

/**
 * The servers of the gateway benchmark (run.sh starts this as a single-file program on
 * devstack's classpath): a throw-away stack on free ports with PostgreSQL, Kafka, S3,
 * Keycloak, the issue service and the gateway. Prints {@code READY <stack.properties>}
 * once all are healthy, and stops everything when its standard input ends.
 */
public class BenchStack {

	public static void main(String[] args) throws Exception {
		Console console = Console.system();
		Stack stack = Stack.throwAway(ProjectLayout.find(), "bench-gateway");
		try {
			stack.up(false, console);
			List<ServiceServer> services = stack.services()
				.stream()
				.filter((service) -> Set.of("issue-service", "gateway").contains(service.name()))
				.toList();
			stack.start(services, console);
			System.out.println("READY " + stack.infoFile());
			System.out.flush();
			new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
		}
		finally {
			stack.down(console);
		}
	}

}
