/**
 * The extension functions every mapping can call, for what JSLT cannot do exactly (money: JSLT
 * computes with doubles) or declaratively (partners' time formats, the earliest scan of a kind,
 * carriers' many names). Each function is pure and thread-safe, returns {@code null} for a
 * {@code null} (or blank text) argument as JSLT's own functions do, and fails with a message that
 * names the function and the value it refused; the mapping's record is then rejected with that
 * message.
 */
package dev.subsidy.mapping.functions;
