package dev.tracker.e2e.system;

import dev.tracker.devstack.Console;
import dev.tracker.devstack.Stack;
import dev.tracker.devstack.StackInfo;
import dev.tracker.devstack.test.TestStack;

/**
 * The whole system for system tests: the test stack's servers plus the five services,
 * each as its own JVM from the jar its module built, started once per test JVM and
 * stopped after it.
 */
final class RunningSystem {

	private static RunningSystem instance;

	private final TestStack testStack;

	private RunningSystem(TestStack testStack) {
		this.testStack = testStack;
	}

	static synchronized RunningSystem get() {
		if (instance == null) {
			TestStack testStack = TestStack.get();
			Stack stack = testStack.stack();
			stack.start(stack.services(), Console.system());
			stack.stopAfterThisJvm(stack.services());
			instance = new RunningSystem(testStack);
		}
		return instance;
	}

	TestStack testStack() {
		return this.testStack;
	}

	StackInfo info() {
		return this.testStack.info();
	}

	/** The gateway's base URL: the portal and every API. */
	String gatewayUrl() {
		return info().portalUrl();
	}

}
