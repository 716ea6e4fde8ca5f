/**
 * The connector test kit: the abstract contract tests every connector's test extends, one per kind
 * ({@link dev.subsidy.connector.testkit.PullConnectorContractTest},
 * {@link dev.subsidy.connector.testkit.PushConnectorContractTest},
 * {@link dev.subsidy.connector.testkit.FileConnectorContractTest}), and what the pull contract runs on: a simulated partner in
 * WireMock ({@link dev.subsidy.connector.testkit.Partner}, {@link dev.subsidy.connector.testkit.PartnerApi}),
 * a {@link dev.subsidy.connector.testkit.TestConnectorContext} on a
 * {@link dev.subsidy.connector.testkit.TestClock} whose waits never sleep, and the gateway's poll loop
 * reduced to {@link dev.subsidy.connector.testkit.PollLoop}.
 *
 * <p>A test-scope dependency: its own test libraries (JUnit 5, AssertJ, WireMock, Jackson) are its
 * compile dependencies.
 */
package dev.subsidy.connector.testkit;
