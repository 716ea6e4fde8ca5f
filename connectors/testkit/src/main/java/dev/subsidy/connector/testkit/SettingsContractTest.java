package dev.subsidy.connector.testkit;

import dev.subsidy.connector.api.ConnectorProvider;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks of a connector type's settings every contract base runs ({@link SettingsContract}): the
 * test's own settings are valid, and a missing, bad or unknown setting is named.
 */
public abstract class SettingsContractTest {

    /** The connector type under test. */
    protected abstract ConnectorProvider provider();

    /** Valid settings for it. */
    protected abstract Map<String, String> settings();

    @Test
    void theTestsSettingsAreValid() {
        SettingsContract.validSettingsHaveNoProblems(provider(), settings());
    }

    @Test
    void aMissingRequiredSettingIsNamed() {
        SettingsContract.everyMissingRequiredSettingIsNamed(provider(), settings());
    }

    @Test
    void aBadValueIsNamed() {
        SettingsContract.everyBadValueIsNamed(provider(), settings());
    }

    @Test
    void anUnknownSettingIsNamed() {
        SettingsContract.anUnknownSettingIsNamed(provider(), settings());
    }
}
