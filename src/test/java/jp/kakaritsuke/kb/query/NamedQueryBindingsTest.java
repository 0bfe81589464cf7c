package jp.kakaritsuke.kb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QuerySolutionMap;
import org.junit.jupiter.api.Test;

class NamedQueryBindingsTest {

    private static final String BASE = "http://localhost:8080/";

    private static final NamedQuery QUERY = NamedQueryFileParser.parse("q.rq", """
            # title.ja: 題
            # title.en: Title
            # param: cause IRI kk:Cause 原因 / Cause
            # param?: year literal xsd:gYear 年度 / Fiscal year
            # param?: word literal xsd:string 語 / Word
            # result: measure
            PREFIX kk:  <https://w3id.org/kakaritsuke/ontology#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            SELECT ?measure WHERE {
              ?measure kk:addresses ?cause ; kk:text ?word .
              ?ws kk:hasMeasure ?measure ; kk:fiscalYear ?year .
            }
            """);

    @Test
    void bindsIrisResolvingRelativeOnesAgainstTheBase() {
        QuerySolutionMap b = QUERY.bindings(Map.of("cause", "id/worksheet/a/cause/1"), BASE);
        assertThat(b.getResource("cause").getURI()).isEqualTo("http://localhost:8080/id/worksheet/a/cause/1");
        assertThat(b.contains("year")).isFalse();

        QuerySolutionMap absolute = QUERY.bindings(Map.of("cause", "https://example.org/c#1"), BASE);
        assertThat(absolute.getResource("cause").getURI()).isEqualTo("https://example.org/c#1");
    }

    @Test
    void bindsLiteralsWithTheDeclaredDatatype() {
        QuerySolutionMap b = QUERY.bindings(Map.of("cause", "id/c", "year", "2026", "word", "輪番"), BASE);
        assertThat(b.getLiteral("year").getDatatype()).isEqualTo(XSDDatatype.XSDgYear);
        assertThat(b.getLiteral("year").getLexicalForm()).isEqualTo("2026");
        assertThat(b.getLiteral("word").getDatatypeURI()).isEqualTo(XSDDatatype.XSDstring.getURI());
    }

    @Test
    void invalidIriNamesTheParameter() {
        assertThatThrownBy(() -> QUERY.bindings(Map.of("cause", "http://exa mple/<x>"), BASE))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("parameter 'cause'")
                .satisfies(
                        e -> assertThat(((BadParameterException) e).parameter()).isEqualTo("cause"));
    }

    @Test
    void invalidLiteralMissingRequiredAndUnknownParametersAreRefused() {
        assertThatThrownBy(() -> QUERY.bindings(Map.of("cause", "id/c", "year", "twenty"), BASE))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("parameter 'year'");
        assertThatThrownBy(() -> QUERY.bindings(Map.of("year", "2026"), BASE))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("parameter 'cause': a value is required");
        assertThatThrownBy(() -> QUERY.bindings(Map.of("cause", " "), BASE))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("parameter 'cause'");
        assertThatThrownBy(() -> QUERY.bindings(Map.of("cause", "id/c", "area", "x"), BASE))
                .isInstanceOf(BadParameterException.class)
                .hasMessageContaining("parameter 'area'");
    }
}
