package jp.kakaritsuke.kb.cross;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What the cause page shows, read from the graph of {@code cause-context.rq} and the rows of
 * {@code similar-measures-for-cause.rq}.
 */
final class CausePage {

    /** A vocabulary concept or an area, with the label in the reader's language and the page that describes it. */
    public record Ref(String iri, String href, String label) {

        /** The local part of the IRI, e.g. {@code f2-i} for a function. */
        public String id() {
            return Links.localName(iri);
        }
    }

    /** A measure of the cause's own worksheet that addresses it. */
    public record OwnMeasure(
            String iri,
            String href,
            String label,
            int ordinal,
            String text,
            String translation,
            List<Ref> resources,
            List<Ref> actors) {}

    /**
     * The measures of {@code similar} named from the rows of {@code measure-headings.rq} asked for them: wording,
     * worksheet title, synthetic flag, area with its prefecture; a measure without a row keeps its IRI.
     */
    static List<Similar> named(List<Similar> similar, ResultSet headings, String lang) {
        Map<String, QuerySolution> byMeasure = new HashMap<>();
        headings.forEachRemaining(row -> byMeasure.putIfAbsent(Rows.text(row, "measure"), row));
        List<Similar> named = new ArrayList<>();
        for (Similar s : similar) {
            QuerySolution row = byMeasure.get(s.iri());
            named.add(
                    row == null
                            ? s
                            : new Similar(
                                    s.iri(),
                                    s.href(),
                                    Rows.pick(row, "measureLabel", lang, s.iri()),
                                    Rows.text(row, "measureText"),
                                    Rows.text(row, "measureTextEn"),
                                    s.sheetHref(),
                                    Rows.pick(row, "worksheetLabel", lang, s.sheetLabel()),
                                    Rows.bool(row, "synthetic"),
                                    Rows.areaLabel(row, lang),
                                    s.sharedCount(),
                                    s.sameWording(),
                                    s.shared()));
        }
        return List.copyOf(named);
    }

    /** A measure of another area's worksheet on the same function, and what it has in common with this cause. */
    public record Similar(
            String iri,
            String href,
            String label,
            String text,
            String translation,
            String sheetHref,
            String sheetLabel,
            boolean synthetic,
            String areaLabel,
            int sharedCount,
            boolean sameWording,
            List<Ref> shared) {}

    /** The page: the cause, its worksheet, area and function, its own measures and the similar ones elsewhere. */
    public record View(
            String iri,
            String label,
            String text,
            String translation,
            String sheetHref,
            String sheetLabel,
            boolean synthetic,
            Ref area,
            Ref function,
            List<Ref> viewpoints,
            List<Ref> mentions,
            List<OwnMeasure> measures,
            List<Similar> similar) {}

    private CausePage() {}

    static View build(String causeIri, Model context, ResultSet similarRows, Links links, String lang) {
        Resource cause = context.getResource(causeIri);
        Resource sheet = context.listResourcesWithProperty(KK.hasCause, cause).next();
        String sheetLabel = first(
                LocalizedText.of(sheet, RDFS.label, lang),
                LocalizedText.of(sheet, DCTerms.title, lang),
                sheet.getURI());
        List<OwnMeasure> measures = new ArrayList<>();
        // cause-context.rq brings only the measures of the cause's own worksheet.
        context.listResourcesWithProperty(KK.addresses, cause)
                .forEachRemaining(m -> measures.add(new OwnMeasure(
                        m.getURI(),
                        links.href(m.getURI()),
                        LocalizedText.of(m, RDFS.label, lang),
                        ordinal(m),
                        LocalizedText.of(m, KK.text, "ja"),
                        english(m, KK.translation),
                        refs(context, m, KK.usesResource, links, lang),
                        refs(context, m, KK.involvesActor, links, lang))));
        measures.sort(Comparator.comparingInt(OwnMeasure::ordinal).thenComparing(OwnMeasure::iri));

        List<Similar> similar = new ArrayList<>();
        while (similarRows.hasNext()) {
            QuerySolution row = similarRows.next();
            String measure = Rows.text(row, "measure");
            String concepts = Rows.text(row, "sharedConcepts");
            List<Ref> shared = concepts == null || concepts.isBlank()
                    ? List.of()
                    : Arrays.stream(concepts.strip().split("\\s+"))
                            .map(iri -> ref(context, iri, links, lang))
                            .toList();
            String worksheet = Rows.text(row, "worksheet");
            // Named by named(), for the page shown only.
            similar.add(new Similar(
                    measure,
                    links.href(measure),
                    measure,
                    null,
                    null,
                    links.href(worksheet),
                    worksheet,
                    false,
                    null,
                    Rows.integer(row, "sharedCount"),
                    Rows.integer(row, "wordingMatches") > 0,
                    shared));
        }

        return new View(
                causeIri,
                LocalizedText.of(cause, RDFS.label, lang),
                LocalizedText.of(cause, KK.text, "ja"),
                english(cause, KK.translation),
                links.href(sheet.getURI()),
                sheetLabel,
                sheet.hasLiteral(KK.synthetic, true),
                single(context, sheet, KK.area, links, lang),
                single(context, sheet, KK.function, links, lang),
                refs(context, cause, KK.viewpoint, links, lang),
                refs(context, cause, KK.mentions, links, lang),
                List.copyOf(measures),
                List.copyOf(similar));
    }

    private static Ref single(Model context, Resource subject, Property property, Links links, String lang) {
        List<Ref> refs = refs(context, subject, property, links, lang);
        return refs.isEmpty() ? null : refs.get(0);
    }

    private static List<Ref> refs(Model context, Resource subject, Property property, Links links, String lang) {
        List<Ref> refs = new ArrayList<>();
        context.listObjectsOfProperty(subject, property).forEachRemaining(o -> {
            if (o.isURIResource()) {
                refs.add(ref(context, o.asResource().getURI(), links, lang));
            }
        });
        refs.sort(Comparator.comparing(Ref::label).thenComparing(Ref::iri));
        return List.copyOf(refs);
    }

    private static Ref ref(Model context, String iri, Links links, String lang) {
        Resource r = context.getResource(iri);
        String label = first(
                LocalizedText.of(r, SKOS.prefLabel, lang), LocalizedText.of(r, RDFS.label, lang), Links.localName(iri));
        return new Ref(iri, links.href(iri), label);
    }

    private static String english(Resource subject, Property property) {
        for (var it = subject.listProperties(property); it.hasNext(); ) {
            RDFNode o = it.next().getObject();
            if (o.isLiteral() && "en".equalsIgnoreCase(o.asLiteral().getLanguage())) {
                return o.asLiteral().getLexicalForm();
            }
        }
        return null;
    }

    private static int ordinal(Resource item) {
        var statement = item.getProperty(KK.ordinal);
        return statement == null ? Integer.MAX_VALUE : statement.getInt();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
