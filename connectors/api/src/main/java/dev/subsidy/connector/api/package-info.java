/**
 * The contracts a connector implements, and nothing else of the gateway.
 *
 * <p>A third party builds a connector against this package alone (the jar has no runtime
 * dependencies). The pieces:
 * <ul>
 *   <li>{@link dev.subsidy.connector.api.ConnectorProvider}: the service-provider entry point,
 *       found by {@link java.util.ServiceLoader} and selected by its {@code name()};</li>
 *   <li>{@link dev.subsidy.connector.api.Connector} and its three kinds
 *       ({@link dev.subsidy.connector.api.PullConnector}, {@link dev.subsidy.connector.api.PushConnector},
 *       {@link dev.subsidy.connector.api.FileConnector});</li>
 *   <li>{@link dev.subsidy.connector.api.ConfigDef}: the settings a connector accepts, validated all at
 *       once into {@link dev.subsidy.connector.api.ConfigProblem}s;</li>
 *   <li>{@link dev.subsidy.connector.api.RecordBatch}, {@link dev.subsidy.connector.api.SourceRecord} and
 *       {@link dev.subsidy.connector.api.Checkpoint}: what a connector hands back;</li>
 *   <li>{@link dev.subsidy.connector.api.ConnectorContext}: everything the gateway lends a running
 *       connector (configuration, secrets, outbound HTTP, request signers, clock);</li>
 *   <li>{@link dev.subsidy.connector.api.RequestSigner}: the service-provider interface of the
 *       partner signature schemes.</li>
 * </ul>
 *
 * <h2>Rules every connector follows</h2>
 * <ul>
 *   <li><b>No direct database access.</b> A connector returns records and checkpoints; the gateway
 *       stores them, together, in one transaction.</li>
 *   <li><b>No process control.</b> Never call {@code System.exit}, {@code Runtime.halt}, or install
 *       shutdown hooks, security managers or default uncaught-exception handlers.</li>
 *   <li><b>No static mutable state.</b> Several instances of one connector type run side by side
 *       (one per configured definition); everything an instance needs lives in the instance.</li>
 *   <li><b>Secrets only through the context.</b> Read them with
 *       {@link dev.subsidy.connector.api.ConnectorContext#secret(String)}, never from the environment or
 *       files; never log them, never put them in an exception message, a record or a checkpoint.</li>
 *   <li><b>Network only through the context.</b> Outbound calls go through
 *       {@link dev.subsidy.connector.api.ConnectorContext#http()}, which enforces the operator's host
 *       allow-list and the instance's rate limit.</li>
 *   <li><b>No threads of its own</b> that outlive {@link dev.subsidy.connector.api.Connector#stop()}.</li>
 * </ul>
 *
 * <p>Nothing in this package returns or accepts {@code null} unless its Javadoc says so.
 */
package dev.subsidy.connector.api;
