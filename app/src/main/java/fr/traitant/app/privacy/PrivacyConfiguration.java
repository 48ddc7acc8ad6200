package fr.traitant.app.privacy;

import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(RetentionProperties.class)
class PrivacyConfiguration {

    /** The DPO's pages are the DPO's only. */
    @Bean
    AccessRules privacyAccessRules() {
        return () -> List.of(roles("/dpo", Role.DPO), roles("/dpo/**", Role.DPO));
    }
}
