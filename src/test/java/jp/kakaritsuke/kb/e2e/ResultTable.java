package jp.kakaritsuke.kb.e2e;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.exec.RowSetStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads the query page's results table back into a result set, so that what the browser shows can be compared
 * with the store's answer as result sets. The table's cells are what the page documents: an IRI as an element (a
 * link when it can be followed) with the full IRI as its title and a compacted form as its text, a literal's lexical
 * form with its {@code @lang} or {@code ^^datatype} (shortened by Jena's standard prefixes and the query's own)
 * beside it, nothing for an unbound variable.
 */
final class ResultTable {

    private ResultTable() {}

    /** The result set a {@code table#results-table} (its HTML as the browser has it) shows for {@code query}. */
    static ResultSet parse(String tableHtml, Query query) {
        PrefixMapping prefixes = PrefixMapping.Factory.create()
                .setNsPrefixes(PrefixMapping.Standard)
                .setNsPrefixes(query.getPrefixMapping());
        Element table = Jsoup.parseBodyFragment(tableHtml).selectFirst("table");
        List<Var> vars = table.select("thead th").stream()
                .map(th -> Var.alloc(th.wholeText().strip()))
                .toList();
        List<Binding> rows = new ArrayList<>();
        for (Element tr : table.select("tbody tr")) {
            List<Element> cells = tr.select("> td");
            if (cells.size() != vars.size()) {
                throw new AssertionError(
                        "a row of " + cells.size() + " cells under " + vars.size() + " columns: " + tr.outerHtml());
            }
            BindingBuilder row = Binding.builder();
            for (int i = 0; i < cells.size(); i++) {
                Node node = node(cells.get(i), prefixes);
                if (node != null) {
                    row.add(vars.get(i), node);
                }
            }
            rows.add(row.build());
        }
        return ResultSet.adapt(RowSetStream.create(vars, rows.iterator()));
    }

    private static Node node(Element cell, PrefixMapping prefixes) {
        Element iri = cell.selectFirst("[title]");
        if (iri != null) {
            return NodeFactory.createURI(iri.attr("title"));
        }
        Element value = cell.selectFirst("span:not(.cell-lang):not(.cell-type)");
        Element lang = cell.selectFirst("span.cell-lang");
        Element type = cell.selectFirst("span.cell-type");
        String lexical = value == null ? "" : value.wholeText();
        if (lang != null) {
            return NodeFactory.createLiteralLang(
                    lexical, lang.wholeText().strip().substring(1));
        }
        if (type != null) {
            String shown = type.wholeText().strip().substring(2);
            String datatype =
                    shown.startsWith("<") ? shown.substring(1, shown.length() - 1) : prefixes.expandPrefix(shown);
            return NodeFactory.createLiteralDT(lexical, TypeMapper.getInstance().getSafeTypeByName(datatype));
        }
        return lexical.isEmpty() ? null : NodeFactory.createLiteralString(lexical);
    }
}
