/**
 * The generic HTTP pull connector type {@code http-pull} ({@link dev.subsidy.connector.http.HttpPullProvider},
 * settings in {@link dev.subsidy.connector.http.HttpPullSettings}) and a default
 * {@link dev.subsidy.connector.api.HttpTransport} on Apache HttpClient 5
 * ({@link dev.subsidy.connector.http.ApacheHttpTransport}).
 *
 * <p>Public types are here; {@code internal} holds the implementation, which is not an API.
 */
package dev.subsidy.connector.http;
