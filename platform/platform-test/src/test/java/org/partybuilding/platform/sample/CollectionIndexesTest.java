package org.partybuilding.platform.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.partybuilding.platform.test.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** A service declares its indexes ({@code CollectionIndexes} beans); they exist once it has started. */
@PlatformTest
class CollectionIndexesTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void declaredIndexesAreCreatedAtStart() {
        assertThat(mongo.indexOps("widgets").getIndexInfo().map(IndexInfo::getName).collectList().block())
                .contains("street_name");
    }
}
