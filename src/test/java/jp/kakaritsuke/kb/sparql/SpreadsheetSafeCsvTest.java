package jp.kakaritsuke.kb.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.util.Context;
import org.junit.jupiter.api.Test;

/** CSV results: formula-like text is written as text (leading apostrophe), numbers and other values unchanged. */
class SpreadsheetSafeCsvTest {

    @Test
    void formulaLikeTextGetsAnApostropheAndEverythingElseIsUnchanged() throws IOException {
        SpreadsheetSafeCsv.register();
        Var v = Var.alloc("v");
        List<Node> values = List.of(
                NodeFactory.createLiteralString("=HYPERLINK(\"http://evil.example/\",\"click\")"),
                NodeFactory.createLiteralString("+cmd|' /C calc'!A0"),
                NodeFactory.createLiteralLang("@SUM(A1:A9)", "ja"),
                NodeFactory.createLiteralString("-1+1"),
                NodeFactory.createLiteralString("\tindented"),
                NodeFactory.createLiteralDT("-5", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralString("在宅医療の体制"),
                NodeFactory.createURI("http://example.org/a=b"));
        List<Binding> rows =
                values.stream().map(n -> Binding.builder().add(v, n).build()).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RowSetWriterRegistry.getFactory(ResultSetLang.RS_CSV)
                .create(ResultSetLang.RS_CSV)
                .write(out, RowSetStream.create(List.of(v), rows.iterator()), Context.emptyContext());
        List<String> cells =
                CSVFormat.RFC4180.parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords().stream()
                        .skip(1)
                        .map((CSVRecord r) -> r.get(0))
                        .toList();
        assertEquals(
                List.of(
                        "'=HYPERLINK(\"http://evil.example/\",\"click\")",
                        "'+cmd|' /C calc'!A0",
                        "'@SUM(A1:A9)",
                        "'-1+1",
                        "'\tindented",
                        "-5",
                        "在宅医療の体制",
                        "http://example.org/a=b"),
                cells);
    }
}
