package dev.tracker.devstack;

import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortsUnitTest {

	@Test
	void aTakenPortIsAnErrorNamingThePortItsPurposeAndTheProcessHoldingIt() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();

			assertThat(Ports.isFree(port)).isFalse();
			assertThatThrownBy(() -> Ports.requireFree(port, "gateway HTTP"))
				.isInstanceOf(Ports.PortTakenException.class)
				.hasMessageContaining("Port " + port + " (gateway HTTP)")
				.hasMessageContaining("pid " + ProcessHandle.current().pid())
				.hasMessageContaining("java");
		}
	}

	@Test
	void freePortsAreFreeAndNeverHandedOutTwice() {
		int first = Ports.findFree();
		int second = Ports.findFree();

		assertThat(first).isNotEqualTo(second);
		assertThat(Ports.isFree(first)).isTrue();
		assertThat(Ports.holder(first)).isEmpty();
	}

}
