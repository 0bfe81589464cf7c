package jp.kakaritsuke.kb.authoring.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says loudly, once the application is up, that the "dev" profile is active and with it the development accounts
 * whose passwords are published in the README.
 */
@Component
@Profile("dev")
class DevelopmentAccountsWarning {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentAccountsWarning.class);

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        log.warn("""

                *****************************************************************************************
                *  DEVELOPMENT PROFILE "dev" IS ACTIVE: the accounts admin and editor13 are enabled, and  *
                *  their passwords are published in the README. Anyone who reaches this server can write. *
                *  Never run a shared or public deployment with this profile.                             *
                *****************************************************************************************""");
    }
}
