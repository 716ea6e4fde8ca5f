/**
 * Declarative mappings from partners' native records to the gateway's standard records.
 *
 * <p>A mapping is a <a href="https://github.com/schibsted/jslt">JSLT</a> file in the repository's
 * {@code mappings/} folder, named by its file name without {@code .jslt}. A
 * {@link dev.subsidy.mapping.MappingCatalog} compiles every mapping of a folder (or classpath
 * location) at once; a {@link dev.subsidy.mapping.Mapping} turns one
 * {@link dev.subsidy.connector.api.SourceRecord} into standard shipment or order records, or into a
 * rejection that carries the mapping's own message and the record's position.
 *
 * <p>Mappings see JSON numbers exactly (decimals are never doubles on the way in) and have a few
 * extension functions for what JSLT cannot do exactly or declaratively: money in fen and yuan,
 * partners' time formats, earliest and latest scans, carrier names
 * ({@link dev.subsidy.mapping.functions.MappingFunctions}).
 */
package dev.subsidy.mapping;
