package jp.kakaritsuke.kb.linkeddata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.rdf.IriLinks;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * What the generic HTML page shows of a resource description: title, types, the source text and its translation,
 * a table of the other properties with labels in the reader's language, and the interpretation records about it.
 */
record DescriptionPage(
        String iri,
        String title,
        boolean synthetic,
        List<Link> types,
        List<Value> texts,
        List<Value> translations,
        List<Row> rows,
        List<Interpretation> interpretations) {

    /** A linked resource: its label and where it is served. */
    record Link(String label, String href) {}

    /** One value: text, a link target (null for literals), its language tag, and whether it is a translation. */
    record Value(String text, String href, String lang, boolean translation) {}

    /** One property of the table with its values. */
    record Row(String property, String propertyHref, List<Value> values) {}

    /** One interpretation record about the resource, shown with its own properties. */
    record Interpretation(String iri, String href, List<Row> rows) {}

    static DescriptionPage of(Model model, String iri, IriLinks hrefs, String lang) {
        Labeller labels = new Labeller(model, lang);
        Resource subject = model.createResource(iri);
        Property text = KK.text;
        Property translation = KK.translation;
        Property synthetic = KK.synthetic;

        List<Link> types = new ArrayList<>();
        subject.listProperties(RDF.type).forEachRemaining(s -> {
            if (s.getObject().isURIResource()) {
                String type = s.getResource().getURI();
                types.add(new Link(labels.of(s.getResource()), hrefs.href(type)));
            }
        });
        types.sort(Comparator.comparing(Link::label));

        List<Value> texts = literals(subject, text, false);
        List<Value> translations = literals(subject, translation, true);
        boolean isSynthetic = subject.hasLiteral(synthetic, true);
        List<Row> rows = rows(subject, hrefs, labels, List.of(RDF.type, text, translation));

        List<Interpretation> interpretations = new ArrayList<>();
        model.listSubjectsWithProperty(RDF.type, KK.Interpretation).forEachRemaining(i -> {
            if (i.hasProperty(RDF.subject, subject) || i.hasProperty(KK.interprets, subject)) {
                String id = i.isURIResource() ? i.getURI() : "";
                interpretations.add(new Interpretation(
                        id, i.isURIResource() ? hrefs.href(id) : null, rows(i, hrefs, labels, List.of(RDF.type))));
            }
        });
        interpretations.sort(Comparator.comparing(Interpretation::iri));

        return new DescriptionPage(
                iri, labels.of(subject), isSynthetic, types, texts, translations, rows, interpretations);
    }

    private static List<Value> literals(Resource subject, Property property, boolean translation) {
        List<Value> values = new ArrayList<>();
        subject.listProperties(property).forEachRemaining(s -> {
            if (s.getObject().isLiteral()) {
                Literal l = s.getLiteral();
                values.add(new Value(l.getLexicalForm(), null, l.getLanguage(), translation));
            }
        });
        values.sort(Comparator.comparing(Value::text));
        return values;
    }

    private static List<Row> rows(Resource subject, IriLinks hrefs, Labeller labels, List<Property> skipped) {
        Property translation = KK.translation;
        Map<Property, List<Value>> byProperty = new LinkedHashMap<>();
        for (Statement s : subject.listProperties().toList()) {
            if (skipped.contains(s.getPredicate())) {
                continue;
            }
            byProperty
                    .computeIfAbsent(s.getPredicate(), p -> new ArrayList<>())
                    .add(value(s.getObject(), hrefs, labels, s.getPredicate().equals(translation)));
        }
        List<Row> rows = new ArrayList<>();
        byProperty.forEach((property, values) -> {
            values.sort(Comparator.comparing(Value::text));
            rows.add(new Row(labels.of(property), hrefs.href(property.getURI()), values));
        });
        rows.sort(Comparator.comparing(Row::property));
        return rows;
    }

    private static Value value(RDFNode node, IriLinks hrefs, Labeller labels, boolean translation) {
        if (node.isLiteral()) {
            Literal l = node.asLiteral();
            return new Value(l.getLexicalForm(), null, l.getLanguage(), translation);
        }
        if (node.isURIResource()) {
            return new Value(
                    labels.of(node.asResource()), hrefs.href(node.asResource().getURI()), "", false);
        }
        return new Value(labels.blank(node.asResource()), null, "", false);
    }

    /** Labels in the reader's language, falling back to the prefixed name or the IRI. */
    private record Labeller(Model model, String lang) {

        String of(Resource resource) {
            for (Property p : List.of(RDFS.label, SKOS.prefLabel, DCTerms.title)) {
                String label = LocalizedText.of(resource, p, lang);
                if (label != null) {
                    return label;
                }
            }
            if (resource.isURIResource()) {
                String uri = resource.getURI();
                String prefixed = model.shortForm(uri);
                return prefixed.equals(uri) ? uri : prefixed;
            }
            return blank(resource);
        }

        /** A blank node in a compact bracketed form: {@code [ property value ; … ]}. */
        String blank(Resource node) {
            StringBuilder text = new StringBuilder("[ ");
            List<Statement> statements = node.listProperties().toList();
            for (int i = 0; i < statements.size(); i++) {
                Statement s = statements.get(i);
                text.append(i == 0 ? "" : " ; ").append(of(s.getPredicate())).append(' ');
                RDFNode o = s.getObject();
                text.append(
                        o.isLiteral()
                                ? o.asLiteral().getLexicalForm()
                                : o.isURIResource() ? of(o.asResource()) : "[…]");
            }
            return text.append(" ]").toString();
        }
    }
}
