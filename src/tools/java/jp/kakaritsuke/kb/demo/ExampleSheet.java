package jp.kakaritsuke.kb.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.Statuses;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;

/**
 * One worked example worksheet (kk:status kkst:example) as read from its named graph: the worksheet and its items,
 * items in box order. The synthesiser copies items from it; its interpretations are not needed for that.
 */
final class ExampleSheet {

    final Model model;
    final Resource worksheet;
    final Resource function;
    final String titleJa;
    final String titleEn;
    final List<Resource> challenges;
    final List<Resource> causes;
    final List<Resource> targetStates;
    final List<Resource> measures;
    final List<Resource> effects;

    private ExampleSheet(Model model, Resource worksheet) {
        this.model = model;
        this.worksheet = worksheet;
        this.function = single(worksheet, KK.function).asResource();
        this.titleJa = text(worksheet, DCTerms.title, "ja");
        this.titleEn = text(worksheet, KK.translation, "en");
        this.challenges = items(worksheet, KK.hasChallenge);
        this.causes = items(worksheet, KK.hasCause);
        this.targetStates = items(worksheet, KK.hasTargetState);
        this.measures = items(worksheet, KK.hasMeasure);
        this.effects = items(worksheet, KK.hasExpectedEffect);
        if (causes.isEmpty() || measures.isEmpty()) {
            throw new DemoDataException("Example worksheet " + worksheet + " has no kk:hasCause or no kk:hasMeasure");
        }
    }

    /**
     * Every example worksheet in {@code dataset}, by function, in order of worksheet IRI (so that the generator's
     * choices do not depend on the order the graphs were loaded in).
     */
    static Map<String, List<ExampleSheet>> readAll(DatasetGraph dataset) {
        Map<String, List<ExampleSheet>> byFunction = new TreeMap<>();
        List<Node> graphNames = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(graphNames::add);
        graphNames.sort(Comparator.comparing(Node::toString));
        for (Node graphName : graphNames) {
            Model model = ModelFactory.createModelForGraph(dataset.getGraph(graphName));
            List<Resource> worksheets =
                    model.listResourcesWithProperty(KK.status, Statuses.EXAMPLE).toList();
            worksheets.sort(Comparator.comparing(Resource::getURI));
            for (Resource worksheet : worksheets) {
                ExampleSheet sheet = new ExampleSheet(model, worksheet);
                byFunction
                        .computeIfAbsent(sheet.function.getURI(), f -> new ArrayList<>())
                        .add(sheet);
            }
        }
        if (byFunction.isEmpty()) {
            throw new DemoDataException("No example worksheet (kk:status kkst:example) in the input; "
                    + "the generator needs the seed examples of data/seed");
        }
        return byFunction;
    }

    /** The actions (✓) of a measure, in order. */
    List<Resource> actions(Resource measure) {
        return items(measure, KK.hasAction);
    }

    /** The role assignments of a measure, in order. */
    List<Resource> roles(Resource measure) {
        return items(measure, KK.hasRoleAssignment);
    }

    /** True when {@code node} is one of this worksheet's items (its IRI lies under the worksheet's). */
    boolean isItem(RDFNode node) {
        return node.isURIResource() && node.asResource().getURI().startsWith(worksheet.getURI() + "/");
    }

    private List<Resource> items(Resource subject, Property property) {
        List<Resource> items = new ArrayList<>();
        subject.listProperties(property).forEachRemaining(s -> items.add(s.getResource()));
        items.sort(Comparator.comparingInt((Resource r) -> {
                    Statement ordinal = r.getProperty(KK.ordinal);
                    return ordinal == null ? 0 : ordinal.getInt();
                })
                .thenComparing(Resource::getURI));
        return items;
    }

    private static RDFNode single(Resource subject, Property property) {
        Statement s = subject.getProperty(property);
        if (s == null) {
            throw new DemoDataException("Example worksheet " + subject + " has no " + property);
        }
        return s.getObject();
    }

    private static String text(Resource subject, Property property, String lang) {
        for (Statement s : subject.listProperties(property).toList()) {
            if (s.getObject().isLiteral() && lang.equals(((Literal) s.getObject()).getLanguage())) {
                return s.getString();
            }
        }
        throw new DemoDataException("Example worksheet " + subject + " has no " + property + " @" + lang);
    }
}
