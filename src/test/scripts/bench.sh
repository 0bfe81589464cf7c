#!/bin/sh
# Runs the national-scale benchmarks (jp.kakaritsuke.kb.bench.NationalScaleBench) from the project root:
#   src/test/scripts/bench.sh --scales demo,prefectures,zones,municipalities
# or, with --matrix first, the cause↔measure matrix page at 構想区域 scale (jp.kakaritsuke.kb.bench.MatrixBench):
#   src/test/scripts/bench.sh --matrix --function f2-ha
# or, with --evidence first, the area and worksheet pages with and without the regional evidence at 構想区域 scale
# (jp.kakaritsuke.kb.bench.EvidenceBench):
#   src/test/scripts/bench.sh --evidence --rounds 60
# Builds the application jar and the test classes first (offline if the local Maven repository has everything),
# then runs the benchmark with the test classpath. Arguments are passed to the benchmark; see src/test/bench/README.md.
set -eu
cd "$(dirname "$0")/../../.."
main=jp.kakaritsuke.kb.bench.NationalScaleBench
if [ "${1:-}" = "--matrix" ]; then
    main=jp.kakaritsuke.kb.bench.MatrixBench
    shift
elif [ "${1:-}" = "--evidence" ]; then
    main=jp.kakaritsuke.kb.bench.EvidenceBench
    shift
fi
mvn -B -q ${MVN_OFFLINE--o} package -DskipTests
mvn -B -q ${MVN_OFFLINE--o} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$main" "$@"
