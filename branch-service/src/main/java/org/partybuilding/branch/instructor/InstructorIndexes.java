package org.partybuilding.branch.instructor;

import static org.partybuilding.platform.outbox.CollectionIndexes.ascending;

import org.partybuilding.platform.outbox.CollectionIndexes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Instructors are listed by the streets they serve; created by platform-starter before the service reports ready. */
@Configuration(proxyBeanMethods = false)
class InstructorIndexes {

    @Bean
    CollectionIndexes indexesOfInstructors() {
        return CollectionIndexes.on(Instructor.COLLECTION, ascending("streets", "streets"));
    }
}
