package org.slmhub.cli;

import org.slmhub.smoke.SmokePlan;
import picocli.CommandLine.Option;

/** {@code --shard I/N}: the part of the selected models this run takes, for a CI matrix. */
final class ShardOption {
    @Option(names = "--shard", paramLabel = "I/N",
            description = "Take shard I of N (1-based) of the selected models, round-robin by id, for a CI matrix.")
    String shard;

    SmokePlan.Shard parse() {
        try {
            return shard == null ? SmokePlan.Shard.ALL : SmokePlan.Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
