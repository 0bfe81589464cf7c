#!/bin/sh
# Runs the soak benchmark (jp.kakaritsuke.kb.bench.SoakBench) from the project root:
#   src/test/scripts/soak.sh [--soak-seconds 600] [--clients 16] [--runaway-every-seconds 5] ...
# Builds the application jar and the test classes first (offline if the local Maven repository has everything),
# then runs the benchmark with the test classpath. See src/test/bench/README.md.
set -eu
cd "$(dirname "$0")/../../.."
mvn -B -q ${MVN_OFFLINE--o} package -DskipTests
mvn -B -q ${MVN_OFFLINE--o} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    jp.kakaritsuke.kb.bench.SoakBench "$@"
