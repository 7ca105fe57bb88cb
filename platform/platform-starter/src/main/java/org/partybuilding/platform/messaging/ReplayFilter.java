package org.partybuilding.platform.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.partybuilding.events.Topics;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * A replayed dead letter is published to its original topic again, where every consumer group of the topic sees
 * it; it is meant for one ({@link DeadLetterHeaders#REPLAY_GROUP}). Every listener container of the platform skips
 * a replay meant for another group (its offset is committed like any other), so only the group that failed on it
 * applies it again. Dead-letter topics themselves are not filtered: the replayer reads them whole.
 */
public class ReplayFilter implements RecordInterceptor<Object, Object> {

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        if (Topics.isDeadLetter(record.topic())) {
            return record;
        }
        String replayedFor = DeadLetterHeaders.text(record.headers(), DeadLetterHeaders.REPLAY_GROUP).orElse(null);
        if (replayedFor != null && !replayedFor.equals(consumer.groupMetadata().groupId())) {
            return null; // another group's replay: skipped, its offset committed like any other
        }
        return record;
    }
}
