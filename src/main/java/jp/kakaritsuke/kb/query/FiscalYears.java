package jp.kakaritsuke.kb.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The fiscal years that have worksheets, latest first (named query {@code fiscal-years.rq}): what the year selector
 * of the cross-region pages offers, and the year they show unless the reader chooses another.
 */
@Component
public class FiscalYears {

    /** A fiscal year, its number of worksheets and how many of them are synthetic. */
    public record Year(String year, long worksheets, long synthetic) {}

    /** What a page shows: the years to choose from and the one chosen. */
    public record Choice(List<Year> years, String selected) {

        /** The chosen year as a query binds it (an xsd:gYear literal); null when no year is chosen. */
        public org.apache.jena.rdf.model.Literal literal() {
            return selected == null
                    ? null
                    : org.apache.jena.rdf.model.ResourceFactory.createTypedLiteral(
                            selected, org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear);
        }

        /** The chosen year with its counts; empty when no year is chosen or the chosen one has no worksheets. */
        public java.util.Optional<Year> selectedYear() {
            return years.stream().filter(y -> y.year().equals(selected)).findFirst();
        }
    }

    private static final String QUERY = "fiscal-years";

    private final NamedQueryRunner runner;

    public FiscalYears(NamedQueryCatalog catalog, NamedQueryRunner runner) {
        catalog.get(QUERY);
        this.runner = runner;
    }

    /** The fiscal years that have worksheets, latest first. */
    public List<Year> all() {
        List<Year> years = new ArrayList<>();
        runner.select(QUERY, Map.of())
                .forEachRemaining(row -> years.add(new Year(
                        row.getLiteral("fiscalYear").getLexicalForm(),
                        row.getLiteral("worksheetCount").getLong(),
                        row.getLiteral("syntheticCount").getLong())));
        return years;
    }

    /**
     * The year a page shows: {@code requested} (a four-digit year, else 400) when given, else the latest year with
     * worksheets (null when there is none).
     */
    public Choice choose(String requested) {
        List<Year> years = all();
        if (requested != null && !requested.isBlank()) {
            if (!requested.matches("\\d{4}")) {
                throw new BadParameterException(
                        QUERY, "year", "must be a fiscal year of four digits, such as 2026, not \"" + requested + "\"");
            }
            return new Choice(years, requested);
        }
        return new Choice(years, years.isEmpty() ? null : years.get(0).year());
    }
}
