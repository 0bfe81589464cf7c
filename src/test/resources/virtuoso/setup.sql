-- Prepares a Virtuoso 7 database to hold the knowledge base (remote mode):
--   isql-vt localhost:1111 dba <dba password> setup.sql
-- 1. The SPARQL endpoint (/sparql, user "SPARQL") may run SPARQL Update, and anonymous clients may read and write
--    every graph through it and through the Graph Store Protocol (/sparql-graph-crud). Put the endpoint behind
--    authentication (or a firewall) in production: the application is then its only client.
-- 2. The sample graphs Virtuoso ships (ldp#, owl#, the URIQA graph) are removed, so the default graph holds the
--    application's data only, apart from virtrdf# (Virtuoso's own metadata, which it needs; the application leaves
--    it out of its graph listings, counts and dumps).
GRANT SPARQL_UPDATE TO "SPARQL";
DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);
SPARQL CLEAR GRAPH <http://www.w3.org/ns/ldp#>;
SPARQL CLEAR GRAPH <http://www.w3.org/2002/07/owl#>;
SPARQL CLEAR GRAPH <http://localuriqaserver/sparql>;
checkpoint;
