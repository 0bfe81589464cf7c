package jp.kakaritsuke.kb.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import jp.kakaritsuke.kb.vocab.KK;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A real area that demo worksheets are generated for, with what the titles need: its IRI, a key for slugs
 * ({@code kousou-r7-2405}, {@code pref-13}, {@code muni-13101}), its prefecture code and its names as they appear
 * in a title, in Japanese and English.
 */
record TargetArea(String iri, String key, String prefectureCode, String titleJa, String titleEn) {

    /** The areas of one kind found in {@code dataset}, in order of their codes. */
    static List<TargetArea> read(DatasetGraph dataset, String baseIri, Resource type) {
        Model union = ModelFactory.createModelForGraph(dataset.getUnionGraph());
        Map<String, String[]> prefectures = new TreeMap<>();
        for (Resource p :
                union.listResourcesWithProperty(RDF.type, KK.Prefecture).toList()) {
            prefectures.put(p.getURI(), new String[] {
                p.getRequiredProperty(KK.prefectureCode).getString(), label(p, "ja"), label(p, "en")
            });
        }
        List<TargetArea> areas = new ArrayList<>();
        for (Resource area : union.listResourcesWithProperty(RDF.type, type).toList()) {
            String iri = area.getURI();
            if (!iri.startsWith(baseIri + "id/area/")) {
                throw new DemoDataException("Area " + iri + " does not lie under " + baseIri + "id/area/");
            }
            // Lower case: worksheet slugs are lower-case letters, digits and hyphens (kousou/R7/2405 → kousou-r7-2405).
            String key = iri.substring((baseIri + "id/area/").length())
                    .replace('/', '-')
                    .toLowerCase(Locale.ROOT);
            String nameJa = label(area, "ja");
            if (type.equals(KK.Prefecture)) {
                String code = area.getRequiredProperty(KK.prefectureCode).getString();
                areas.add(new TargetArea(iri, key, code, nameJa, label(area, "en")));
                continue;
            }
            Resource prefecture = area.getPropertyResourceValue(KK.inPrefecture);
            if (prefecture == null || !prefectures.containsKey(prefecture.getURI())) {
                throw new DemoDataException("Area " + iri + " has no kk:inPrefecture that is a known prefecture");
            }
            String code = prefectures.get(prefecture.getURI())[0];
            String prefJa = prefectures.get(prefecture.getURI())[1];
            String prefEn = prefectures.get(prefecture.getURI())[2];
            if (type.equals(KK.VisionZone)) {
                // Zone names repeat across prefectures (中央, 北部), so the prefecture goes first: 三重県桑員地域.
                String stem = nameJa.endsWith("地域") ? nameJa.substring(0, nameJa.length() - 2) : nameJa;
                areas.add(
                        new TargetArea(iri, key, code, prefJa + stem + "地域", "the " + stem + " area (" + prefEn + ")"));
            } else {
                areas.add(new TargetArea(iri, key, code, prefJa + nameJa, nameJa + " (" + prefEn + ")"));
            }
        }
        areas.sort(Comparator.comparing(TargetArea::key));
        return areas;
    }

    private static String label(Resource area, String lang) {
        for (Statement s : area.listProperties(RDFS.label).toList()) {
            if (s.getObject().isLiteral() && lang.equals(((Literal) s.getObject()).getLanguage())) {
                return s.getString();
            }
        }
        throw new DemoDataException("Area " + area.getURI() + " has no rdfs:label @" + lang);
    }
}
