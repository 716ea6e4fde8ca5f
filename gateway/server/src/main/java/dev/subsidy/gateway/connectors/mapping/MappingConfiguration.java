package dev.subsidy.gateway.connectors.mapping;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mapper the connector runtime uses. Today only records that already are standard; the mapping
 * engine plugs in here by returning its catalogue-backed {@link RecordMapper} (which falls back to
 * {@link StandardRecordMapper} for {@code standard}).
 */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

    @Bean
    RecordMapper recordMapper() {
        return new StandardRecordMapper();
    }
}
