package jp.kakaritsuke.kb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** The contact point of the dataset description comes from {@code kb.catalog.contact-*}, and only from there. */
class CatalogContactTest {

    private static final String BASE = "http://localhost:8080/";
    private static final String VCARD = "http://www.w3.org/2006/vcard/ns#";

    private static Model described(CatalogProperties catalog) {
        Model m = ModelFactory.createDefaultModel();
        m.createResource(BASE + ".well-known/void#dataset").addProperty(RDF.type, DCAT.Dataset);
        m.createResource(BASE + ".well-known/void#sparql").addProperty(RDF.type, DCAT.DataService);
        DatasetDescription.addContactPoint(m, BASE, catalog);
        return m;
    }

    @Test
    void noContactIsInventedWhenNoneIsConfigured() {
        Model m = described(new CatalogProperties(null, " ", ""));
        assertFalse(m.listSubjectsWithProperty(RDF.type, m.createResource(VCARD + "Kind"))
                .hasNext());
        assertFalse(m.listStatements(null, DCAT.contactPoint, (Resource) null).hasNext());
        // A name alone reaches nobody.
        assertFalse(described(new CatalogProperties("事務局", null, null))
                .listStatements(null, DCAT.contactPoint, (Resource) null)
                .hasNext());
    }

    @Test
    void aConfiguredContactIsAVcardKindOfEveryDatasetAndService() {
        Model m = described(new CatalogProperties("県医療政策課", "desk@example.org", "https://example.org/contact"));
        Resource contact = m.createResource(BASE + ".well-known/void#contact");
        assertTrue(contact.hasProperty(RDF.type, m.createResource(VCARD + "Kind")));
        assertEquals(
                "県医療政策課", contact.getProperty(m.createProperty(VCARD + "fn")).getString());
        assertTrue(
                contact.hasProperty(m.createProperty(VCARD + "hasEmail"), m.createResource("mailto:desk@example.org")));
        assertTrue(contact.hasProperty(
                m.createProperty(VCARD + "hasURL"), m.createResource("https://example.org/contact")));
        assertEquals(
                2, m.listStatements(null, DCAT.contactPoint, contact).toList().size());
    }

    @Test
    void aMalformedContactStopsStartUpWithTheSettingsName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new CatalogProperties(null, "mailto:x", null));
        assertTrue(e.getMessage().contains("kb.catalog.contact-email"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CatalogProperties(null, null, "javascript:x"));
        assertTrue(e.getMessage().contains("kb.catalog.contact-url"), e.getMessage());
    }
}
