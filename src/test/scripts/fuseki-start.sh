#!/bin/sh
# Starts a standalone Apache Jena Fuseki server (the jena-fuseki-server jar that the build copies to
# target/fuseki/) with one TDB2 dataset /kb whose default graph is the union of its named graphs, and the services
# sparql (query), update and data (Graph Store Protocol), listening on localhost only. Stop it with Ctrl-C.
#
#   src/test/scripts/fuseki-start.sh [WORK_DIR] [PORT]      (defaults: var/fuseki 3030)
#
# The database is WORK_DIR/tdb2, the server's log WORK_DIR/fuseki.log. The script prints the settings that point
# the application at the server. To give it more memory, or to serve it on all interfaces behind a proxy, run the
# jar yourself with WORK_DIR/config.ttl (written on first start). Maven fetches what it lacks on the first run; set
# MVN_OFFLINE=-o to forbid that.
set -eu
cd "$(dirname "$0")/../../.."
WORK_DIR="${1:-var/fuseki}"
PORT="${2:-3030}"
mvn -B -q ${MVN_OFFLINE:-} test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    jp.kakaritsuke.kb.store.FusekiServerProcess "$WORK_DIR" "$PORT"
