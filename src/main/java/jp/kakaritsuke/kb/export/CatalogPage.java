package jp.kakaritsuke.kb.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.kakaritsuke.kb.vocab.PROV;
import jp.kakaritsuke.kb.web.LocalizedText;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VOID;

/**
 * What the catalogue page shows, read from the same VoID/DCAT model that {@code /.well-known/void} serves: title,
 * description, licence and rights, provenance, the SPARQL endpoint, the full dumps and the subsets.
 */
record CatalogPage(
        String title,
        String description,
        String license,
        String rights,
        List<String> sources,
        String sparqlEndpoint,
        long triples,
        List<Distribution> distributions,
        List<Subset> subsets) {

    /** False while the full dumps' sizes and checksums are being computed (the description has no distributions). */
    public boolean dumpsReady() {
        return !distributions.isEmpty();
    }

    /** One full dump. */
    record Distribution(String title, String mediaType, long byteSize, String sha256, String href) {}

    /**
     * One subset: its title, size, licences, its downloads (none for the subsets by kind of data), and for the
     * evidence its attribution, the publishers' caveats and the originals it derives from.
     */
    record Subset(
            String title,
            String description,
            long triples,
            List<String> licenses,
            List<Download> downloads,
            String rights,
            List<String> caveats,
            List<Original> originals) {}

    /** A government original an evidence subset derives from: title, publisher, where to get it, its terms. */
    record Original(String title, String publisher, String href, String license) {}

    /** A download link of a subset. */
    record Download(String format, String href) {}

    static CatalogPage of(Model m, String datasetIri, String baseIri, String lang) {
        Resource dataset = m.createResource(datasetIri);
        List<String> sources = new ArrayList<>();
        dataset.listProperties(PROV.wasDerivedFrom)
                .forEachRemaining(s -> sources.add(s.getResource().getURI()));
        sources.sort(Comparator.naturalOrder());

        List<Distribution> distributions = new ArrayList<>();
        dataset.listProperties(DCAT.distribution).forEachRemaining(s -> {
            Resource d = s.getResource();
            Resource checksum = d.getPropertyResourceValue(m.createProperty(DatasetDescription.SPDX + "checksum"));
            String mediaType = d.getPropertyResourceValue(DCAT.mediaType).getURI();
            distributions.add(new Distribution(
                    d.getProperty(DCTerms.title).getString(),
                    mediaType.substring(mediaType.indexOf("media-types/") + "media-types/".length()),
                    d.getProperty(DCAT.byteSize).getLong(),
                    checksum.getProperty(m.createProperty(DatasetDescription.SPDX + "checksumValue"))
                            .getString(),
                    local(d.getPropertyResourceValue(DCAT.downloadURL).getURI(), baseIri)));
        });
        distributions.sort(Comparator.comparing(Distribution::title));

        List<Subset> subsets = new ArrayList<>();
        dataset.listProperties(VOID.subset).forEachRemaining(s -> {
            Resource subset = s.getResource();
            List<Download> downloads = new ArrayList<>();
            Resource dump = subset.getPropertyResourceValue(VOID.dataDump);
            if (dump != null) {
                String stem = local(dump.getURI(), baseIri);
                stem = stem.substring(0, stem.lastIndexOf('.'));
                for (String ext : DatasetExporter.FORMATS.keySet()) {
                    downloads.add(new Download(ext, stem + "." + ext));
                }
            }
            List<String> licenses = new ArrayList<>();
            subset.listProperties(DCTerms.license)
                    .forEachRemaining(l -> licenses.add(l.getResource().getURI()));
            licenses.sort(Comparator.naturalOrder());
            List<String> caveats = new ArrayList<>();
            subset.listProperties(SKOS.scopeNote).forEachRemaining(n -> caveats.add(n.getString()));
            caveats.sort(Comparator.naturalOrder());
            List<Original> originals = new ArrayList<>();
            subset.listProperties(PROV.wasDerivedFrom).forEachRemaining(d -> {
                Resource original = d.getResource();
                if (original.hasProperty(DCTerms.publisher)) {
                    String href = uri(original, DCAT.downloadURL);
                    originals.add(new Original(
                            text(original, DCTerms.title, lang),
                            text(original, DCTerms.publisher, lang),
                            href != null ? href : uri(original, DCAT.accessURL),
                            uri(original, DCTerms.license)));
                }
            });
            originals.sort(Comparator.comparing(Original::title));
            subsets.add(new Subset(
                    text(subset, DCTerms.title, lang),
                    text(subset, DCTerms.description, lang),
                    longValue(subset, VOID.triples),
                    licenses,
                    downloads,
                    text(subset, DCTerms.rights, lang),
                    caveats,
                    originals));
        });
        subsets.sort(Comparator.comparing((Subset x) -> x.downloads().isEmpty()).thenComparing(Subset::title));

        return new CatalogPage(
                text(dataset, DCTerms.title, lang),
                text(dataset, DCTerms.description, lang),
                uri(dataset, DCTerms.license),
                text(dataset, DCTerms.rights, lang),
                sources,
                local(uri(dataset, VOID.sparqlEndpoint), baseIri),
                longValue(dataset, VOID.triples),
                distributions,
                subsets);
    }

    private static String text(Resource r, Property p, String lang) {
        String value = LocalizedText.of(r, p, lang);
        return value == null ? "" : value;
    }

    private static String uri(Resource r, Property p) {
        Resource o = r.getPropertyResourceValue(p);
        return o == null ? null : o.getURI();
    }

    private static long longValue(Resource r, Property p) {
        RDFNode o = r.getProperty(p) == null ? null : r.getProperty(p).getObject();
        return o == null ? 0 : o.asLiteral().getLong();
    }

    /** A download IRI under the base as a path of this application, so that links work wherever it runs. */
    private static String local(String iri, String baseIri) {
        return iri != null && iri.startsWith(baseIri) ? "/" + iri.substring(baseIri.length()) : iri;
    }
}
