package org.seatunnelsim.member;

import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.json.Json;
import com.hazelcast.internal.json.JsonObject;
import com.hazelcast.internal.json.JsonValue;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;

import java.util.List;

/**
 * Merges the job maps after a network partition heals: of the two copies of a job, the one that
 * went further wins. Every change a node commits to a job record raises its "version" by one
 * (compare-and-set), so the copy with more committed changes is the later one; on equal versions
 * (each side changed the job the same number of times, e.g. a stop on one side and an adoption on
 * the other) the copy further along SeaTunnel's lifecycle wins, so an acknowledged stop is not
 * undone. On a full tie the larger cluster's copy (the existing one) stays. A copy only the smaller
 * cluster has is kept: that is a job it accepted before it noticed it had lost its quorum.
 *
 * Values that are not job records (no numeric "version") fall back to keeping the existing copy,
 * as PutIfAbsentMergePolicy does.
 */
public class JobVersionMergePolicy implements SplitBrainMergePolicy<Object, MergingValue<Object>, Object> {

    /** SeaTunnel's JobStatus names from least to most advanced; a later index wins a version tie. */
    private static final List<String> LIFECYCLE = List.of(
            "INITIALIZING", "CREATED", "PENDING", "SCHEDULED", "RUNNING",
            "DOING_SAVEPOINT", "FAILING", "CANCELING",
            "SAVEPOINT_DONE", "FAILED", "CANCELED", "FINISHED", "UNKNOWABLE");

    @Override
    public Object merge(MergingValue<Object> merging, MergingValue<Object> existing) {
        if (existing == null) {
            return merging.getRawValue();
        }
        long[] mergingOrder = order(merging.getDeserializedValue());
        long[] existingOrder = order(existing.getDeserializedValue());
        if (mergingOrder == null || existingOrder == null) {
            return existing.getRawValue();
        }
        boolean mergingAhead = mergingOrder[0] > existingOrder[0]
                || (mergingOrder[0] == existingOrder[0] && mergingOrder[1] > existingOrder[1]);
        return mergingAhead ? merging.getRawValue() : existing.getRawValue();
    }

    /** {version, lifecycle index} of a stored job record, or null for anything else. */
    static long[] order(Object value) {
        if (!(value instanceof HazelcastJsonValue)) {
            return null;
        }
        try {
            JsonValue parsed = Json.parse(value.toString());
            if (!parsed.isObject()) {
                return null;
            }
            JsonObject record = parsed.asObject();
            JsonValue version = record.get("version");
            JsonValue status = record.get("status");
            if (version == null || !version.isNumber()) {
                return null;
            }
            long rank = status != null && status.isString() ? LIFECYCLE.indexOf(status.asString()) : -1;
            return new long[] {version.asLong(), rank};
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    // Stateless: nothing to send along when members hand the policy to each other.
    @Override
    public void writeData(ObjectDataOutput out) {
    }

    @Override
    public void readData(ObjectDataInput in) {
    }
}
