package jp.kakaritsuke.kb.authoring.imports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import jp.kakaritsuke.kb.area.AreaIris;
import jp.kakaritsuke.kb.area.InvalidAreaCodeException;
import jp.kakaritsuke.kb.authoring.imports.ImportVocabulary.Scheme;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Column;
import jp.kakaritsuke.kb.authoring.imports.TabularLayout.Section;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.worksheet.WorksheetItems;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Turns a {@link Table} in the tabular layout into worksheet graphs. Checks everything the layout can check — known
 * columns, required values, known sections, ids, areas, numbers, references between rows, duplicates — and reports
 * every problem with its cell, all at once; the SHACL shapes are checked afterwards by the repository.
 */
final class WorksheetTableParser {

    static final Node PROV_ATTRIBUTED_TO = NodeFactory.createURI("http://www.w3.org/ns/prov#wasAttributedTo");
    static final Node PROV_DERIVED_FROM = NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom");

    private static final Pattern NUMBER = Pattern.compile("[1-9][0-9]{0,5}");
    private static final Pattern SLASH_DATE = Pattern.compile("([0-9]{4})[/.-]([0-9]{1,2})[/.-]([0-9]{1,2})");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]*\\.[0-9]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SOURCE_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");
    private static final Pattern REFERENCE = Pattern.compile("(measure|indicator)\\s*/?\\s*([1-9][0-9]{0,5})");

    private final String base;
    private final ImportVocabulary vocabulary;
    private final Predicate<String> areaExists;
    private final List<ImportProblem> problems = new ArrayList<>();

    /**
     * @param base the base IRI
     * @param vocabulary the ids the table may use
     * @param areaExists whether an area IRI is known to the store
     */
    WorksheetTableParser(String base, ImportVocabulary vocabulary, Predicate<String> areaExists) {
        this.base = base;
        this.vocabulary = vocabulary;
        this.areaExists = areaExists;
    }

    /**
     * The worksheets of the table, in the order they first appear.
     *
     * @param progress called once per row read
     * @throws ImportRejectedException (400) listing every problem found
     */
    List<ParsedWorksheet> parse(Table table, Runnable progress) {
        checkHeader(table);
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.MALFORMED, problems);
        }
        Map<String, List<Table.Row>> bySlug = new LinkedHashMap<>();
        for (Table.Row row : table.rows()) {
            String slug = row.get(Column.WORKSHEET_ID.header());
            Section section = section(row);
            if (slug.isEmpty()) {
                problems.add(ImportProblem.of(
                        row.at(Column.WORKSHEET_ID.header()), "import.problem.required", Column.WORKSHEET_ID.header()));
            } else if (!WorksheetNames.isSlug(slug)) {
                problems.add(ImportProblem.of(row.at(Column.WORKSHEET_ID.header()), "import.problem.slug", slug));
            } else if (section != null) {
                bySlug.computeIfAbsent(slug, s -> new ArrayList<>()).add(row);
            }
            progress.run();
        }
        if (bySlug.isEmpty() && problems.isEmpty()) {
            problems.add(ImportProblem.of(table.headerRow(), "import.problem.noWorksheet"));
        }
        List<ParsedWorksheet> worksheets = new ArrayList<>();
        bySlug.forEach((slug, rows) -> worksheets.add(new SheetBuilder(slug, rows).build()));
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(ImportRejectedException.Reason.MALFORMED, problems);
        }
        return worksheets;
    }

    private void checkHeader(Table table) {
        Set<String> seen = new HashSet<>();
        for (Table.Header header : table.header()) {
            if (Column.of(header.name()) == null) {
                problems.add(ImportProblem.of(
                        header.where(),
                        "import.problem.unknownColumn",
                        header.name(),
                        String.join(", ", Column.headers())));
            } else if (!seen.add(header.name())) {
                problems.add(ImportProblem.of(header.where(), "import.problem.duplicateColumn", header.name()));
            }
        }
        for (Column column : Column.values()) {
            if (column.required() && !seen.contains(column.header())) {
                problems.add(ImportProblem.of(table.headerRow(), "import.problem.missingColumn", column.header()));
            }
        }
    }

    private Section section(Table.Row row) {
        String value = row.get(Column.SECTION.header());
        if (value.isEmpty()) {
            problems.add(ImportProblem.of(
                    row.at(Column.SECTION.header()), "import.problem.required", Column.SECTION.header()));
            return null;
        }
        Section section = Section.of(value.toLowerCase(Locale.ROOT));
        if (section == null) {
            problems.add(ImportProblem.of(
                    row.at(Column.SECTION.header()),
                    "import.problem.unknownValue",
                    value,
                    Column.SECTION.header(),
                    String.join(", ", Section.ids())));
        }
        return section;
    }

    /** Builds one worksheet from its rows. */
    private final class SheetBuilder {

        private final String slug;
        private final List<Table.Row> rows;
        private final WorksheetNames names;
        private final String worksheetIri;
        private final Node worksheet;
        private final Graph graph = GraphFactory.createDefaultGraph();
        private final Map<String, Table.Row> items = new LinkedHashMap<>();
        private final Map<Column, String> levelValues = new EnumMap<>(Column.class);
        private final Map<Column, Where> levelCells = new EnumMap<>(Column.class);

        SheetBuilder(String slug, List<Table.Row> rows) {
            this.slug = slug;
            this.rows = rows;
            this.names = new WorksheetNames(base, slug);
            this.worksheetIri = names.worksheet();
            this.worksheet = NodeFactory.createURI(worksheetIri);
        }

        ParsedWorksheet build() {
            Table.Row worksheetRow = null;
            Map<String, Integer[]> numbers = new LinkedHashMap<>();
            for (Table.Row row : rows) {
                Section section = Section.of(row.get(Column.SECTION.header()).toLowerCase(Locale.ROOT));
                checkColumns(row, section);
                collectLevelValues(row);
                if (section == Section.WORKSHEET) {
                    if (worksheetRow != null) {
                        problems.add(ImportProblem.of(
                                row.at(Column.SECTION.header()),
                                "import.problem.duplicateItem",
                                section.id(),
                                worksheetRow.where()));
                    } else {
                        worksheetRow = row;
                    }
                    continue;
                }
                Integer parent = section.underMeasure() ? number(row, Column.PARENT) : Integer.valueOf(0);
                Integer number = section.numbered() ? number(row, Column.NUMBER) : Integer.valueOf(0);
                if (parent == null || number == null) {
                    continue;
                }
                String path = section.path(parent, number);
                Table.Row other = items.putIfAbsent(path, row);
                if (other != null) {
                    problems.add(
                            section.single()
                                    ? ImportProblem.of(
                                            row.at(Column.SECTION.header()),
                                            "import.problem.duplicateItem",
                                            section.id(),
                                            other.where())
                                    : ImportProblem.of(
                                            row.at(Column.NUMBER.header()),
                                            "import.problem.duplicateNumber",
                                            section.id(),
                                            number,
                                            other.where()));
                    continue;
                }
                numbers.put(path, new Integer[] {parent, number});
            }
            Map<String, Table.Row> sources = new LinkedHashMap<>();
            if (worksheetRow == null) {
                problems.add(ImportProblem.of(rows.get(0).where(), "import.problem.noWorksheetRow", slug));
            } else {
                worksheet(worksheetRow);
                sources.put(worksheetIri, worksheetRow);
            }
            items.forEach((path, row) -> {
                Section section = Section.of(row.get(Column.SECTION.header()).toLowerCase(Locale.ROOT));
                Integer[] n = numbers.get(path);
                item(section, path, n[0], n[1], row);
                sources.put(worksheetIri + "/" + path, row);
            });
            return new ParsedWorksheet(slug, graph, rows.get(0).where(), sources, levelCells);
        }

        private void checkColumns(Table.Row row, Section section) {
            for (String header : row.values().keySet()) {
                Column column = Column.of(header);
                if (column != null && !column.allowedIn(section)) {
                    problems.add(
                            ImportProblem.of(row.at(header), "import.problem.notForSection", header, section.id()));
                }
            }
        }

        private void collectLevelValues(Table.Row row) {
            for (Column column : Column.values()) {
                String value = row.get(column.header());
                if (!column.worksheetLevel() || column == Column.WORKSHEET_ID || value.isEmpty()) {
                    continue;
                }
                String earlier = levelValues.putIfAbsent(column, value);
                if (earlier == null) {
                    levelCells.put(column, row.at(column.header()));
                } else if (!earlier.equals(value)) {
                    problems.add(ImportProblem.of(
                            row.at(column.header()),
                            "import.problem.conflict",
                            slug,
                            column.header(),
                            value,
                            earlier,
                            levelCells.get(column)));
                }
            }
        }

        private Integer number(Table.Row row, Column column) {
            String value = row.get(column.header());
            if (value.isEmpty()) {
                problems.add(ImportProblem.of(row.at(column.header()), "import.problem.required", column.header()));
                return null;
            }
            if (!NUMBER.matcher(value).matches()) {
                problems.add(ImportProblem.of(row.at(column.header()), "import.problem.number", value));
                return null;
            }
            return Integer.valueOf(value);
        }

        private void worksheet(Table.Row row) {
            add(worksheet, RDF.type.asNode(), KK.Worksheet.asNode());
            add(worksheet, KK.template.asNode(), iri("id/template/betten6"));
            literal(worksheet, DCTerms.title.asNode(), row.get(Column.TEXT_JA.header()), "ja");
            literal(worksheet, KK.translation.asNode(), row.get(Column.TEXT_EN.header()), "en");
            outdated(worksheet, row);
            literal(worksheet, RDFS.label.asNode(), row.get(Column.LABEL_JA.header()), "ja");
            literal(worksheet, RDFS.label.asNode(), row.get(Column.LABEL_EN.header()), "en");
            agents(worksheet, row);
            level(Column.AREA_CODE, this::area, KK.area);
            level(Column.FUNCTION, value -> concept(Scheme.FUNCTIONS, value, Column.FUNCTION), KK.function);
            level(Column.STATUS, value -> concept(Scheme.STATUSES, value, Column.STATUS), KK.status);
            level(Column.FISCAL_YEAR, this::year, KK.fiscalYear);
            level(Column.SYNTHETIC, this::bool, KK.synthetic);
            level(Column.SOURCE, this::source, KK.source);
            String dates = levelValues.get(Column.CONSULTATION_DATE);
            for (String date : TabularLayout.split(dates)) {
                Node value = date(date, levelCells.get(Column.CONSULTATION_DATE));
                if (value != null) {
                    add(worksheet, KK.consultationDate.asNode(), value);
                }
            }
            for (String other : TabularLayout.split(levelValues.get(Column.DERIVED_FROM))) {
                if (WorksheetNames.isSlug(other)) {
                    add(
                            worksheet,
                            PROV_DERIVED_FROM,
                            NodeFactory.createURI(new WorksheetNames(base, other).worksheet()));
                } else {
                    problems.add(ImportProblem.of(levelCells.get(Column.DERIVED_FROM), "import.problem.slug", other));
                }
            }
        }

        private void level(Column column, java.util.function.Function<String, Node> convert, Property property) {
            String value = levelValues.get(column);
            if (value != null) {
                Node node = convert.apply(value);
                if (node != null) {
                    add(worksheet, property.asNode(), node);
                }
            }
        }

        private void item(Section section, String path, int parent, int number, Table.Row row) {
            if (section.underMeasure() && !items.containsKey(Section.MEASURE.path(0, parent))) {
                problems.add(ImportProblem.of(
                        row.at(Column.PARENT.header()), "import.problem.noSuchItem", Section.MEASURE.id(), parent));
            }
            Node item = WorksheetItems.add(graph, names, section.kind(), parent, number);
            literal(item, KK.text.asNode(), row.get(Column.TEXT_JA.header()), "ja");
            literal(item, KK.translation.asNode(), row.get(Column.TEXT_EN.header()), "en");
            outdated(item, row);
            label(item, row, Column.LABEL_JA, section.defaultLabel("ja", parent, number), "ja");
            label(item, row, Column.LABEL_EN, section.defaultLabel("en", parent, number), "en");
            agents(item, row);
            concepts(item, KK.mentions, row, Column.MENTIONS, Scheme.RESOURCES);
            concepts(item, KK.usesResource, row, Column.RESOURCES, Scheme.RESOURCES);
            concepts(item, KK.involvesActor, row, Column.ACTORS, Scheme.ACTOR_TYPES);
            concepts(item, KK.viewpoint, row, Column.VIEWPOINTS, Scheme.ACTOR_TYPES);
            if (section == Section.CAUSE) {
                concepts(item, KK.causeType, row, Column.TYPES, Scheme.CAUSE_TYPES);
            } else if (section == Section.MEASURE) {
                concepts(item, KK.measureType, row, Column.TYPES, Scheme.MEASURE_TYPES);
            }
            actor(item, row);
            numbered(item, KK.addresses, row, Column.ADDRESSES, Section.CAUSE);
            numbered(item, KK.tracks, row, Column.TRACKS, Section.MEASURE);
            single(item, KK.explains, row, Column.EXPLAINS, Section.CHALLENGE);
            single(item, KK.leadsTo, row, Column.LEADS_TO, Section.EFFECT);
            single(item, KK.contributesTo, row, Column.CONTRIBUTES_TO, Section.TARGET_STATE);
            value(item, KK.baselineValue, row, Column.BASELINE);
            value(item, KK.targetValue, row, Column.TARGET);
            String reviewDate = row.get(Column.REVIEW_DATE.header());
            if (!reviewDate.isEmpty()) {
                Node date = date(reviewDate, row.at(Column.REVIEW_DATE.header()));
                if (date != null) {
                    add(item, KK.reviewDate.asNode(), date);
                }
            }
            reviews(item, row);
        }

        private void label(Node item, Table.Row row, Column column, String fallback, String lang) {
            String given = row.get(column.header());
            literal(item, RDFS.label.asNode(), given.isEmpty() ? fallback : given, lang);
        }

        private void agents(Node subject, Table.Row row) {
            for (String name : TabularLayout.split(row.get(Column.ATTRIBUTED_TO.header()))) {
                if (NAME.matcher(name).matches()) {
                    add(subject, PROV_ATTRIBUTED_TO, iri("id/agent/" + name));
                } else {
                    problems.add(ImportProblem.of(row.at(Column.ATTRIBUTED_TO.header()), "import.problem.agent", name));
                }
            }
        }

        private void concepts(Node item, Property property, Table.Row row, Column column, Scheme scheme) {
            for (String id : TabularLayout.split(row.get(column.header()))) {
                ImportVocabulary.Concept concept = vocabulary.find(scheme, id);
                if (concept == null) {
                    problems.add(ImportProblem.of(
                            row.at(column.header()),
                            "import.problem.unknownValue",
                            id,
                            column.header(),
                            vocabulary.ids(scheme)));
                } else {
                    add(item, property.asNode(), NodeFactory.createURI(concept.iri()));
                }
            }
        }

        private void actor(Node item, Table.Row row) {
            String value = row.get(Column.ACTOR.header());
            if (value.isEmpty()) {
                return;
            }
            if (value.startsWith("http://") || value.startsWith("https://")) {
                add(item, KK.assignedTo.asNode(), NodeFactory.createURI(value));
                return;
            }
            ImportVocabulary.Concept concept = vocabulary.find(Scheme.ACTOR_TYPES, value);
            if (concept == null) {
                problems.add(ImportProblem.of(
                        row.at(Column.ACTOR.header()),
                        "import.problem.unknownValue",
                        value,
                        Column.ACTOR.header(),
                        vocabulary.ids(Scheme.ACTOR_TYPES)));
            } else {
                add(item, KK.assignedTo.asNode(), NodeFactory.createURI(concept.iri()));
            }
        }

        /** A list of numbers of items of {@code target} (cause numbers, measure numbers). */
        private void numbered(Node item, Property property, Table.Row row, Column column, Section target) {
            for (String value : TabularLayout.split(row.get(column.header()))) {
                if (!NUMBER.matcher(value).matches()) {
                    problems.add(ImportProblem.of(row.at(column.header()), "import.problem.number", value));
                    continue;
                }
                String path = target.path(0, Integer.parseInt(value));
                if (!items.containsKey(path)) {
                    problems.add(
                            ImportProblem.of(row.at(column.header()), "import.problem.noSuchItem", target.id(), value));
                    continue;
                }
                add(item, property.asNode(), NodeFactory.createURI(worksheetIri + "/" + path));
            }
        }

        /** A link to the worksheet's one item of {@code target}, written as the section's name. */
        private void single(Node item, Property property, Table.Row row, Column column, Section target) {
            String value = row.get(column.header());
            if (value.isEmpty()) {
                return;
            }
            if (!value.toLowerCase(Locale.ROOT).equals(target.id())) {
                problems.add(ImportProblem.of(
                        row.at(column.header()), "import.problem.unknownValue", value, column.header(), target.id()));
                return;
            }
            String path = target.path(0, 0);
            if (!items.containsKey(path)) {
                problems.add(ImportProblem.of(row.at(column.header()), "import.problem.noItem", target.id()));
                return;
            }
            add(item, property.asNode(), NodeFactory.createURI(worksheetIri + "/" + path));
        }

        private void reviews(Node item, Table.Row row) {
            for (String value : TabularLayout.split(row.get(Column.REVIEWS.header()))) {
                var m = REFERENCE.matcher(value.toLowerCase(Locale.ROOT));
                if (!m.matches()) {
                    problems.add(ImportProblem.of(row.at(Column.REVIEWS.header()), "import.problem.reference", value));
                    continue;
                }
                Section target = Section.of(m.group(1));
                String path = target.path(0, Integer.parseInt(m.group(2)));
                if (!items.containsKey(path)) {
                    problems.add(ImportProblem.of(
                            row.at(Column.REVIEWS.header()), "import.problem.noSuchItem", target.id(), m.group(2)));
                    continue;
                }
                add(item, KK.reviews.asNode(), NodeFactory.createURI(worksheetIri + "/" + path));
            }
        }

        private void value(Node item, Property property, Table.Row row, Column column) {
            String value = row.get(column.header());
            if (value.isEmpty()) {
                return;
            }
            Node literal = INTEGER.matcher(value).matches()
                    ? NodeFactory.createLiteralDT(value, XSDDatatype.XSDinteger)
                    : DECIMAL.matcher(value).matches()
                            ? NodeFactory.createLiteralDT(value, XSDDatatype.XSDdecimal)
                            : NodeFactory.createLiteralString(value);
            add(item, property.asNode(), literal);
        }

        private Node area(String code) {
            Where where = levelCells.get(Column.AREA_CODE);
            String path;
            try {
                path = areaPath(code);
            } catch (InvalidAreaCodeException e) {
                problems.add(ImportProblem.of(where, "import.problem.area", code, e.getMessage()));
                return null;
            }
            if (path == null) {
                problems.add(ImportProblem.of(where, "import.problem.areaFormat", code));
                return null;
            }
            String areaIri = base + path;
            if (!areaExists.test(areaIri)) {
                problems.add(ImportProblem.of(where, "import.problem.unknownArea", code, areaIri));
                return null;
            }
            return NodeFactory.createURI(areaIri);
        }

        private Node concept(Scheme scheme, String id, Column column) {
            ImportVocabulary.Concept concept = vocabulary.find(scheme, id);
            if (concept == null) {
                problems.add(ImportProblem.of(
                        levelCells.get(column),
                        "import.problem.unknownValue",
                        id,
                        column.header(),
                        vocabulary.ids(scheme)));
                return null;
            }
            return NodeFactory.createURI(concept.iri());
        }

        private Node year(String value) {
            var year = jp.kakaritsuke.kb.authoring.FiscalYears.parse(value);
            if (year.isEmpty()) {
                problems.add(ImportProblem.of(levelCells.get(Column.FISCAL_YEAR), "import.problem.year", value));
                return null;
            }
            return NodeFactory.createLiteralDT(Integer.toString(year.get()), XSDDatatype.XSDgYear);
        }

        /**
         * The mark of an outdated translation: {@code true} marks it, {@code false} confirms the translation, an empty
         * cell leaves the mark as the worksheet had it (see TranslationFreshness).
         */
        private void outdated(Node subject, Table.Row row) {
            String value = row.get(Column.TRANSLATION_OUTDATED.header()).toLowerCase(Locale.ROOT);
            if (value.isEmpty()) {
                return;
            }
            if (!value.equals("true") && !value.equals("false")) {
                problems.add(ImportProblem.of(
                        row.at(Column.TRANSLATION_OUTDATED.header()), "import.problem.boolean", value));
                return;
            }
            add(subject, KK.translationOutdated.asNode(), NodeFactory.createLiteralDT(value, XSDDatatype.XSDboolean));
        }

        private Node bool(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            if (!v.equals("true") && !v.equals("false")) {
                problems.add(ImportProblem.of(levelCells.get(Column.SYNTHETIC), "import.problem.boolean", value));
                return null;
            }
            return NodeFactory.createLiteralDT(v, XSDDatatype.XSDboolean);
        }

        private Node source(String value) {
            if (!SOURCE_PATH.matcher(value).matches()) {
                problems.add(ImportProblem.of(levelCells.get(Column.SOURCE), "import.problem.source", value));
                return null;
            }
            return iri("id/source/" + value);
        }

        private Node date(String value, Where where) {
            var m = SLASH_DATE.matcher(value);
            if (m.matches()) {
                try {
                    return NodeFactory.createLiteralDT(
                            LocalDate.of(
                                            Integer.parseInt(m.group(1)),
                                            Integer.parseInt(m.group(2)),
                                            Integer.parseInt(m.group(3)))
                                    .toString(),
                            XSDDatatype.XSDdate);
                } catch (java.time.DateTimeException e) {
                    problems.add(ImportProblem.of(where, "import.problem.date", value));
                    return null;
                }
            }
            try {
                return NodeFactory.createLiteralDT(LocalDate.parse(value).toString(), XSDDatatype.XSDdate);
            } catch (DateTimeParseException e) {
                problems.add(ImportProblem.of(where, "import.problem.date", value));
                return null;
            }
        }

        private void literal(Node subject, Node property, String value, String lang) {
            if (value != null && !value.isEmpty()) {
                add(subject, property, NodeFactory.createLiteralLang(value, lang));
            }
        }

        private Node iri(String relative) {
            return NodeFactory.createURI(base + relative);
        }

        private void add(Node s, Node p, Node o) {
            graph.add(s, p, o);
        }
    }

    /**
     * The relative IRI of the area an {@code area_code} cell names, or null if the value has none of the accepted
     * forms: {@code xxx} (the guideline's placeholder area), a 2-digit prefecture code, a 5-digit standard area code
     * (a prefecture's ends in 000), a 6-digit local-government code with its check digit, or the area's path under
     * {@code id/area/} ({@code pref/13}, {@code muni/13101}, {@code niji/8/1301}, {@code kousou/R7/1301}).
     *
     * @throws InvalidAreaCodeException for a code of an accepted form that no area can have
     */
    static String areaPath(String code) {
        String c = code.strip();
        if (c.equalsIgnoreCase("xxx")) {
            return AreaIris.PLACEHOLDER_PATH;
        }
        if (c.matches("[0-9]{2}")) {
            return AreaIris.prefecturePath(c);
        }
        if (c.matches("[0-9]{6}")) {
            c = AreaIris.areaCodeOf(c);
        }
        if (c.matches("[0-9]{5}")) {
            return c.endsWith("000")
                    ? AreaIris.prefecturePath(AreaIris.prefectureCodeOf(c))
                    : AreaIris.municipalityPath(c);
        }
        String[] parts = c.split("/", -1);
        return switch (parts[0]) {
            case "pref" -> parts.length == 2 ? AreaIris.prefecturePath(parts[1]) : null;
            case "muni" -> parts.length == 2 ? AreaIris.municipalityPath(parts[1]) : null;
            case "niji" -> parts.length == 3 ? AreaIris.secondaryMedicalAreaPath(parts[1], parts[2]) : null;
            case "kousou" -> parts.length == 3 ? AreaIris.visionZonePath(parts[1], parts[2]) : null;
            default -> null;
        };
    }
}
