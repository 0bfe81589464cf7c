#!/bin/sh
# Starts a Virtuoso 7 server (Debian's virtuoso-opensource: apt-get install virtuoso-opensource) for the knowledge
# base, as a child process with its own database and configuration under WORK_DIR, listening on localhost only.
# Stop it with Ctrl-C.
#
#   src/test/scripts/virtuoso-start.sh [WORK_DIR] [HTTP_PORT] [SQL_PORT]      (defaults: var/virtuoso 8890 1111)
#
# WORK_DIR/virtuoso.ini is src/test/resources/virtuoso/virtuoso.ini (Debian's defaults, 10,000-row result cap); on
# the first start src/test/resources/virtuoso/setup.sql prepares the new database (SPARQL Update for the endpoint,
# Virtuoso's sample graphs removed). The script prints the settings that point the application at the server.
# For an existing Virtuoso, run setup.sql once with isql-vt instead. Set MVN_OFFLINE=-o to keep Maven offline.
set -eu
cd "$(dirname "$0")/../../.."
WORK_DIR="${1:-var/virtuoso}"
HTTP_PORT="${2:-8890}"
SQL_PORT="${3:-1111}"
mvn -B -q ${MVN_OFFLINE:-} test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    jp.kakaritsuke.kb.store.VirtuosoServerProcess "$WORK_DIR" "$HTTP_PORT" "$SQL_PORT"
