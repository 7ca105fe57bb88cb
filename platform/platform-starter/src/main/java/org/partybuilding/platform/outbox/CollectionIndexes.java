package org.partybuilding.platform.outbox;

import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

import reactor.core.publisher.Flux;

/**
 * The indexes a service wants on one collection, declared as a bean ({@code @Bean CollectionIndexes}); platform-starter
 * creates every declared index before the service reports ready (application runners finish before readiness), so a
 * service keeps only its index declarations, never the code that creates them.
 */
public record CollectionIndexes(String collection, List<Index> indexes) {

    public CollectionIndexes {
        indexes = List.copyOf(indexes);
    }

    public static CollectionIndexes on(String collection, Index... indexes) {
        return new CollectionIndexes(collection, List.of(indexes));
    }

    /** An ascending index on {@code fields}, in order, named {@code name}. */
    public static Index ascending(String name, String... fields) {
        Index index = new Index().named(name);
        for (String field : fields) {
            index.on(field, Sort.Direction.ASC);
        }
        return index;
    }

    /** Creates every declared index, one after another, and waits for them. */
    static final class Creator implements ApplicationRunner {

        private final ReactiveMongoTemplate mongo;
        private final ObjectProvider<CollectionIndexes> declared;

        Creator(ReactiveMongoTemplate mongo, ObjectProvider<CollectionIndexes> declared) {
            this.mongo = mongo;
            this.declared = declared;
        }

        @Override
        public void run(ApplicationArguments args) {
            Flux.fromStream(declared.orderedStream())
                    .concatMap(wanted -> Flux.fromIterable(wanted.indexes())
                            .concatMap(index -> mongo.indexOps(wanted.collection()).createIndex(index)))
                    .blockLast();
        }
    }
}
