/**
 * The reference pull connector {@code reference-pull}: deliberately simple, like Kafka's
 * {@code connect/file}, to show how a connector is written against {@code connector-api} alone.
 *
 * <p>It reads a tiny paged HTTP API that answers JSON Lines: {@code GET <url>?offset=N&limit=M}
 * returns up to M lines, one JSON object each, starting at record N. The checkpoint is the offset of
 * the next record, so a repeated poll asks for the same records and a poll after the end asks for
 * records that do not exist yet ("nothing new").
 */
package dev.subsidy.connector.reference;
