/**
 * Partner-specific pieces that configuration alone cannot express. Every partner connector is a
 * definition (config/connectors/examples) naming a connector type, a signer and a mapping; the
 * tests here run each against a simulator of the partner's documented API.
 */
package dev.subsidy.connector.partners;
