package org.slmhub.cli;

import java.util.List;

/** The JVM flags the ./slmhub launcher passes; the benchmark starts its child JVMs the same way. */
public final class LauncherFlags {
    public static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xms1g", "-Xmn256m",
            "-XX:MaxTenuringThreshold=0", "-XX:+DisableExplicitGC");

    private LauncherFlags() {
    }
}
