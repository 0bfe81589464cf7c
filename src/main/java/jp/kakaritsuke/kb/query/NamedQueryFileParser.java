package jp.kakaritsuke.kb.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;

/**
 * Reads one {@code .rq} file: parses the SPARQL 1.1 query and its header comment (see {@code queries/README.md}),
 * and checks that they agree. Errors name the file, the line and, for SPARQL syntax errors, the column.
 */
final class NamedQueryFileParser {

    private static final Pattern FILE_NAME =
            Pattern.compile("((?:[a-z0-9]+(?:-[a-z0-9]+)*/)?[a-z0-9]+(?:-[a-z0-9]+)*)\\.rq");
    private static final Pattern HEADER_LINE = Pattern.compile("#\\s*([a-z]+(?:\\.[a-z]{2})?\\??):\\s*(.*?)\\s*");
    private static final Pattern PARAM = Pattern.compile("(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(.+?)\\s+/\\s+(.+)");
    private static final Pattern VAR_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PARSER_POSITION = Pattern.compile("at line (\\d+), column (\\d+)");
    private static final Set<String> TEXT_KEYS = Set.of("title.ja", "title.en", "description.ja", "description.en");

    private NamedQueryFileParser() {}

    static NamedQuery parse(String fileName, String text) {
        Matcher fileMatcher = FILE_NAME.matcher(fileName);
        if (!fileMatcher.matches()) {
            throw new NamedQueryDefinitionException(
                    fileName, -1, "a query file name must be kebab-case and end in .rq (at most one folder deep)");
        }
        Query query = parseSparql(fileName, text);
        if (!query.isSelectType() && !query.isConstructType() && !query.isAskType()) {
            throw new NamedQueryDefinitionException(fileName, 1, "a named query must be SELECT, CONSTRUCT or ASK");
        }

        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, Integer> paramLines = new LinkedHashMap<>();
        List<QueryParameter> params = new ArrayList<>();
        List<String> result = null;
        int resultLine = 0;
        String[] lines = text.split("\\R", -1);
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            if (!line.startsWith("#")) {
                break;
            }
            Matcher m = HEADER_LINE.matcher(line);
            if (!m.matches()) {
                throw new NamedQueryDefinitionException(fileName, lineNo, "header line is not '# key: value': " + line);
            }
            String key = m.group(1);
            String value = m.group(2);
            if (TEXT_KEYS.contains(key)) {
                if (value.isEmpty()) {
                    throw new NamedQueryDefinitionException(fileName, lineNo, key + " is empty");
                }
                if (texts.putIfAbsent(key, value) != null) {
                    throw new NamedQueryDefinitionException(fileName, lineNo, key + " is given twice");
                }
            } else if (key.equals("param") || key.equals("param?")) {
                QueryParameter p = parseParam(fileName, lineNo, value, key.equals("param?"), query);
                if (paramLines.putIfAbsent(p.name(), lineNo) != null) {
                    throw new NamedQueryDefinitionException(
                            fileName, lineNo, "param " + p.name() + " is declared twice");
                }
                params.add(p);
            } else if (key.equals("result")) {
                if (result != null) {
                    throw new NamedQueryDefinitionException(fileName, lineNo, "result is given twice");
                }
                result = parseResult(fileName, lineNo, value);
                resultLine = lineNo;
            } else {
                throw new NamedQueryDefinitionException(fileName, lineNo, "unknown header key '" + key + "'");
            }
        }

        for (String required : List.of("title.ja", "title.en")) {
            if (!texts.containsKey(required)) {
                throw new NamedQueryDefinitionException(fileName, 1, "the header has no " + required);
            }
        }
        if (result == null) {
            throw new NamedQueryDefinitionException(fileName, 1, "the header has no result line");
        }
        if (query.isSelectType() && !result.equals(query.getResultVars())) {
            throw new NamedQueryDefinitionException(
                    fileName,
                    resultLine,
                    "result " + result + " does not match the selected variables " + query.getResultVars());
        }
        Set<String> variables = QueryVariables.of(query);
        for (QueryParameter p : params) {
            if (!variables.contains(p.name())) {
                throw new NamedQueryDefinitionException(
                        fileName, paramLines.get(p.name()), "param " + p.name() + " is not a variable of the query");
            }
        }

        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        texts.forEach((key, value) -> {
            String lang = key.substring(key.indexOf('.') + 1);
            (key.startsWith("title.") ? titles : descriptions).put(lang, value);
        });
        return new NamedQuery(fileMatcher.group(1), titles, descriptions, params, result, query);
    }

    private static Query parseSparql(String fileName, String text) {
        try {
            // Plain SPARQL 1.1, not ARQ's extended syntax: every file must run unchanged in any SPARQL client.
            return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            // The exception's own line and column are those of the last token read; the message names the token
            // that failed, which is where a reader has to look.
            Matcher at = PARSER_POSITION.matcher(String.valueOf(e.getMessage()));
            int line = e.getLine();
            int column = e.getColumn();
            if (at.find()) {
                line = Integer.parseInt(at.group(1));
                column = Integer.parseInt(at.group(2));
            }
            throw new NamedQueryDefinitionException(
                    fileName, line, column, "SPARQL syntax error: " + e.getMessage(), e);
        }
    }

    private static QueryParameter parseParam(String fileName, int lineNo, String value, boolean optional, Query query) {
        Matcher m = PARAM.matcher(value);
        if (!m.matches()) {
            throw new NamedQueryDefinitionException(
                    fileName, lineNo, "param must read 'name IRI|literal type ja label / en label': " + value);
        }
        String name = m.group(1);
        if (!VAR_NAME.matcher(name).matches()) {
            throw new NamedQueryDefinitionException(fileName, lineNo, "param name is not a variable name: " + name);
        }
        QueryParameter.Kind kind = switch (m.group(2)) {
            case "IRI" -> QueryParameter.Kind.IRI;
            case "literal" -> QueryParameter.Kind.LITERAL;
            default ->
                throw new NamedQueryDefinitionException(
                        fileName, lineNo, "param kind must be IRI or literal, not " + m.group(2));
        };
        String type = expand(fileName, lineNo, m.group(3), query);
        return new QueryParameter(name, kind, type, m.group(4), m.group(5), optional);
    }

    private static String expand(String fileName, int lineNo, String type, Query query) {
        if (type.startsWith("<") && type.endsWith(">")) {
            return type.substring(1, type.length() - 1);
        }
        int colon = type.indexOf(':');
        String expanded = colon < 0 ? null : query.getPrefixMapping().expandPrefix(type);
        if (expanded == null || expanded.equals(type)) {
            throw new NamedQueryDefinitionException(
                    fileName,
                    lineNo,
                    "param type " + type + " is neither <IRI> nor a prefixed name of the query's prefixes");
        }
        return expanded;
    }

    private static List<String> parseResult(String fileName, int lineNo, String value) {
        Set<String> columns = new LinkedHashSet<>();
        for (String column : value.split(",")) {
            String c = column.strip();
            if (c.isEmpty() || !columns.add(c)) {
                throw new NamedQueryDefinitionException(fileName, lineNo, "result has an empty or repeated column");
            }
        }
        return List.copyOf(columns);
    }
}
