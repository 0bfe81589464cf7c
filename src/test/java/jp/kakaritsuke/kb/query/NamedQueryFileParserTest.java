package jp.kakaritsuke.kb.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamedQueryFileParserTest {

    private static final String PREFIX = "PREFIX kk: <https://w3id.org/kakaritsuke/ontology#>\n";
    private static final String HEADER = """
            # title.ja: 原因に対処する方策
            # title.en: Measures that address a cause
            # description.ja: 説明
            # description.en: Description
            # param: cause IRI kk:Cause 対象の原因 / The cause
            # param?: year literal <http://www.w3.org/2001/XMLSchema#gYear> 年度 / Fiscal year
            # result: measure
            """;
    private static final String BODY = PREFIX + """
            SELECT ?measure WHERE {
              ?measure kk:addresses ?cause .
              OPTIONAL { ?ws kk:hasMeasure ?measure ; kk:fiscalYear ?y }
              FILTER(!BOUND(?y) || ?y = ?year)
            }
            """;

    @Test
    void readsTheHeader() {
        NamedQuery q = NamedQueryFileParser.parse("measures-for-cause.rq", HEADER + BODY);
        assertThat(q.name()).isEqualTo("measures-for-cause");
        assertThat(q.description("en")).isEqualTo("Description");
        assertThat(q.params()).extracting(QueryParameter::name).containsExactly("cause", "year");
        QueryParameter year = q.params().get(1);
        assertThat(year.kind()).isEqualTo(QueryParameter.Kind.LITERAL);
        assertThat(year.type()).isEqualTo("http://www.w3.org/2001/XMLSchema#gYear");
        assertThat(year.optional()).isTrue();
        assertThat(year.label("en")).isEqualTo("Fiscal year");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        String text = HEADER + PREFIX + "SELECT ?measure WHERE {\n  ?measure kk:addresses ?cause ?x .\n}\n";
        assertThatThrownBy(() -> NamedQueryFileParser.parse("broken.rq", text))
                .isInstanceOf(NamedQueryDefinitionException.class)
                .hasMessageStartingWith("broken.rq, line 10, column 32: SPARQL syntax error");
    }

    @Test
    void missingTitleFails() {
        String text = HEADER.replace("# title.en: Measures that address a cause\n", "") + BODY;
        assertThatThrownBy(() -> NamedQueryFileParser.parse("q.rq", text))
                .isInstanceOf(NamedQueryDefinitionException.class)
                .hasMessageContaining("q.rq")
                .hasMessageContaining("no title.en");
    }

    @Test
    void declaredParamThatIsNotAVariableFails() {
        String text = HEADER.replace("# result:", "# param: area IRI kk:Area 地域 / Area\n# result:") + BODY;
        assertThatThrownBy(() -> NamedQueryFileParser.parse("q.rq", text))
                .isInstanceOf(NamedQueryDefinitionException.class)
                .hasMessage("q.rq, line 7: param area is not a variable of the query");
    }

    @Test
    void resultLineMustMatchTheSelectedVariables() {
        String text = HEADER.replace("# result: measure", "# result: measure, label") + BODY;
        assertThatThrownBy(() -> NamedQueryFileParser.parse("q.rq", text))
                .isInstanceOf(NamedQueryDefinitionException.class)
                .hasMessageStartingWith("q.rq, line 7: result [measure, label] does not match");
    }

    @Test
    void malformedHeaderLinesFail() {
        assertThatThrownBy(() -> NamedQueryFileParser.parse("q.rq", "# just a comment\n" + HEADER + BODY))
                .hasMessageStartingWith("q.rq, line 1: header line is not");
        assertThatThrownBy(() ->
                        NamedQueryFileParser.parse("q.rq", HEADER.replace(" IRI kk:Cause", " uri kk:Cause") + BODY))
                .hasMessageStartingWith("q.rq, line 5: param kind must be IRI or literal");
        assertThatThrownBy(() -> NamedQueryFileParser.parse("q.rq", HEADER.replace("kk:Cause", "ex:Cause") + BODY))
                .hasMessageStartingWith("q.rq, line 5: param type ex:Cause");
        assertThatThrownBy(() -> NamedQueryFileParser.parse("Bad_Name.rq", HEADER + BODY))
                .hasMessageStartingWith("Bad_Name.rq: a query file name must be kebab-case");
    }

    @Test
    void arqExtensionsAreRefusedSoFilesRunInAnyClient() {
        String text = HEADER + PREFIX + "SELECT ?measure WHERE { ?measure kk:addresses ?cause . LET (?x := 1) }\n";
        assertThatThrownBy(() -> NamedQueryFileParser.parse("q.rq", text))
                .isInstanceOf(NamedQueryDefinitionException.class)
                .hasMessageContaining("SPARQL syntax error");
    }
}
