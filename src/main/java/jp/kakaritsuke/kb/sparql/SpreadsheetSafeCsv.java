package jp.kakaritsuke.kb.sparql;

import java.io.OutputStream;
import java.io.Writer;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.rowset.rw.RowSetWriterCSV;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;

/**
 * SPARQL results as CSV that a spreadsheet opens as data, never as formulas: a text value that begins with
 * {@code = + - @}, a tab or a carriage return (what Excel and LibreOffice read as the start of a formula, e.g.
 * {@code =HYPERLINK(…)} or {@code +cmd|…}) is written with a leading apostrophe, the spreadsheet convention for "text,
 * not a formula" (OWASP's advice against CSV injection). Numbers ({@code -5}) are left alone. Registered in place of
 * Jena's CSV writer, so it serves {@code /sparql} and the query page's CSV download alike.
 */
final class SpreadsheetSafeCsv implements RowSetWriter {

    private final RowSetWriter csv;

    private SpreadsheetSafeCsv(RowSetWriter csv) {
        this.csv = csv;
    }

    /** Puts this writer in Jena's registry for SPARQL results in CSV. */
    static void register() {
        JenaSystem.init();
        RowSetWriterRegistry.register(
                ResultSetLang.RS_CSV, (Lang lang) -> new SpreadsheetSafeCsv(RowSetWriterCSV.factory.create(lang)));
    }

    /** The value as a spreadsheet must see it: formula-like text gets a leading apostrophe. */
    static Node neutralised(Node node) {
        if (node == null || !node.isLiteral()) {
            return node;
        }
        String lexical = node.getLiteralLexicalForm();
        if (lexical.isEmpty()
                || "=+-@\t\r".indexOf(lexical.charAt(0)) < 0
                || NodeValue.makeNode(node).isNumber()) {
            return node;
        }
        String safe = "'" + lexical;
        return node.getLiteralLanguage().isEmpty()
                ? NodeFactory.createLiteralDT(safe, node.getLiteralDatatype())
                : NodeFactory.createLiteralLang(safe, node.getLiteralLanguage());
    }

    private static RowSet neutralised(RowSet rows) {
        return RowSetStream.create(rows.getResultVars(), Iter.map(rows, SpreadsheetSafeCsv::neutralised));
    }

    private static Binding neutralised(Binding row) {
        BindingBuilder safe = Binding.builder();
        row.forEach((v, n) -> safe.add(v, neutralised(n)));
        return safe.build();
    }

    @Override
    public void write(OutputStream out, RowSet rows, Context context) {
        csv.write(out, neutralised(rows), context);
    }

    @Override
    public void write(Writer out, RowSet rows, Context context) {
        csv.write(out, neutralised(rows), context);
    }

    @Override
    public void write(OutputStream out, boolean answer, Context context) {
        csv.write(out, answer, context);
    }
}
