/**
 * Finding connector types and request signers: built-in ones through {@link java.util.ServiceLoader},
 * third-party ones in {@code <home>/plugins/<plugin>/*.jar}, each plugin folder in a class loader of its
 * own. Plain JDK code: using it adds no dependency. Connectors never use this package; the gateway does.
 */
package dev.subsidy.connector.api.plugin;
