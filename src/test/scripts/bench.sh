#!/bin/sh
# Runs the national-scale benchmarks (jp.kakaritsuke.kb.bench.NationalScaleBench) from the project root:
#   src/test/scripts/bench.sh --scales demo,prefectures,zones,municipalities
# Builds the application jar and the test classes first (offline if the local Maven repository has everything),
# then runs the benchmark with the test classpath. Arguments are passed to the benchmark; see src/test/bench/README.md.
set -eu
cd "$(dirname "$0")/../../.."
mvn -B -q ${MVN_OFFLINE:--o} package -DskipTests
mvn -B -q ${MVN_OFFLINE:--o} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    jp.kakaritsuke.kb.bench.NationalScaleBench "$@"
