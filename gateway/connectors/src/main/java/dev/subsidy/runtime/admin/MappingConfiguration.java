package dev.subsidy.runtime.admin;

import dev.subsidy.runtime.GatewayHome;
import dev.subsidy.runtime.mapping.CatalogRecordMapper;
import dev.subsidy.runtime.mapping.MappingLibrary;
import dev.subsidy.runtime.mapping.MappingsProperties;
import dev.subsidy.runtime.mapping.RecordMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mappings the connector runtime uses: the JSLT {@link MappingLibrary} (shipped copies, the
 * operator's {@code gateway.mappings.dir}, and those added through the API, all under the sandbox's
 * limits) behind the runtime's {@link RecordMapper}, which keeps the identity for {@code standard}.
 */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    /** Subfolder of {@code gateway.home} holding the mappings added through the API. */
    static final String ADDED_FOLDER = "mappings";

    @Bean
    MappingLibrary mappingLibrary(MappingsProperties settings, GatewayHome gateway) {
        return MappingLibrary.load(MappingConfiguration.class.getClassLoader(), settings.dir(),
                gateway.path().resolve(ADDED_FOLDER), settings.limits());
    }

    @Bean
    RecordMapper recordMapper(MappingLibrary library) {
        return new CatalogRecordMapper(library);
    }
}
