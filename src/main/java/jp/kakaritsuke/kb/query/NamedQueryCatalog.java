package jp.kakaritsuke.kb.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The named queries of the {@code queries/} folder, read from the classpath once when the application starts.
 *
 * <p>Every file is parsed at start-up, so a broken query or header stops the application with the file's name,
 * line and column instead of failing on first use.
 */
@Component
public class NamedQueryCatalog {

    /** Where the query files are on the classpath. */
    public static final String LOCATION = "classpath*:queries/*.rq";

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

    /** Every named query, sorted by name. */
    public Collection<NamedQuery> all() {
        return queries.values();
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
            String fileName = resource.getFilename();
            try (InputStream in = resource.getInputStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (files.putIfAbsent(fileName, text) != null) {
                    throw new NamedQueryDefinitionException("queries/" + fileName, -1,
                            "found twice on the classpath (" + resource.getDescription() + ")");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read queries/" + fileName, e);
            }
        }
        return files;
    }
}
