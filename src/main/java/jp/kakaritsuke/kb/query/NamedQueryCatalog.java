package jp.kakaritsuke.kb.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.kb.store.StoreQueries;
import org.apache.jena.query.Query;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Every SPARQL query of the application: the files of the {@code queries/} folder, read from the classpath once when
 * the application starts. The files directly in the folder are the named queries offered on the query page
 * ({@link #published()}); those in a subfolder ({@code queries/export/graph-sizes.rq}, named
 * {@code export/graph-sizes}) belong to one feature. All have the same header and the same checks.
 *
 * <p>Every file is parsed at start-up, so a broken query or header stops the application with the file's name,
 * line and column instead of failing on first use.
 */
public class NamedQueryCatalog {

    /** Where the query files are on the classpath. */
    public static final String LOCATION = "classpath*:queries/**/*.rq";

    /** The catalogue of the classpath, read once. */
    private static final class Classpath {
        static final NamedQueryCatalog CATALOG = new NamedQueryCatalog();
    }

    private final Map<String, NamedQuery> queries;

    /** Loads every {@code queries/*.rq} file of the classpath. */
    public NamedQueryCatalog() {
        this(new PathMatchingResourcePatternResolver(NamedQueryCatalog.class.getClassLoader()));
    }

    NamedQueryCatalog(ResourcePatternResolver resolver) {
        this(readAll(resolver));
    }

    /** A catalogue of the given files, by file name ({@code name.rq}) and text. */
    NamedQueryCatalog(Map<String, String> files) {
        Map<String, NamedQuery> parsed = new TreeMap<>();
        files.forEach((fileName, text) -> {
            NamedQuery query = NamedQueryFileParser.parse(fileName, text);
            parsed.put(query.name(), query);
        });
        this.queries = parsed;
    }

    /**
     * The query of that name.
     *
     * @throws NamedQueryNotFoundException if there is none
     */
    public NamedQuery get(String name) {
        NamedQuery query = queries.get(name);
        if (query == null) {
            throw new NamedQueryNotFoundException(name);
        }
        return query;
    }

    /** Every query, sorted by name. */
    public Collection<NamedQuery> all() {
        return queries.values();
    }

    /** The named queries offered to users (the files directly under {@code queries/}), sorted by name. */
    public List<NamedQuery> published() {
        return queries.values().stream().filter(q -> q.name().indexOf('/') < 0).toList();
    }

    /** The catalogue of the application's classpath, read once and shared. */
    public static NamedQueryCatalog classpath() {
        return Classpath.CATALOG;
    }

    /** The parsed query {@code name} of the classpath catalogue, e.g. {@code export/graph-sizes}. */
    public static Query query(String name) {
        return classpath().get(name).query();
    }

    /** The queries the store asks of itself ({@code queries/store/}). */
    public StoreQueries storeQueries() {
        return new StoreQueries(
                get("store/probe").query(),
                get("store/graph-names").query(),
                get("store/graph-size").query(),
                get("store/graph-triples").query());
    }

    /** The path of a query file below the {@code queries/} folder: {@code graph-sizes.rq}, {@code export/…}. */
    private static String relativePath(Resource resource) {
        String url;
        try {
            url = resource.getURL().toString();
        } catch (IOException e) {
            return resource.getFilename();
        }
        int at = url.lastIndexOf("/queries/");
        return at < 0 ? resource.getFilename() : url.substring(at + "/queries/".length());
    }

    private static Map<String, String> readAll(ResourcePatternResolver resolver) {
        Resource[] resources;
        try {
            resources = resolver.getResources(LOCATION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + LOCATION, e);
        }
        Map<String, String> files = new TreeMap<>();
        for (Resource resource : resources) {
            String fileName = relativePath(resource);
            try (InputStream in = resource.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (files.putIfAbsent(fileName, text) != null) {
                    throw new NamedQueryDefinitionException(
                            "queries/" + fileName,
                            -1,
                            "found twice on the classpath (" + resource.getDescription() + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read queries/" + fileName, e);
            }
        }
        return files;
    }
}
