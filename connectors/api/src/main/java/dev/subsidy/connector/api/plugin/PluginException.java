package dev.subsidy.connector.api.plugin;

/**
 * A connector type or signer that cannot be found, is defined twice, or cannot be loaded. The message
 * names the type and where each candidate came from.
 */
public class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
