/**
 * Java constants for the terms of the kakaritsuke vocabulary, one class per namespace: {@link
 * jp.kakaritsuke.kb.vocab.KK} for the classes, properties and concept schemes of the ontology, and one class per
 * concept scheme namespace for its concepts. The classes are generated from ontology/kakaritsuke.ttl and
 * ontology/concepts.ttl, so a renamed or removed term breaks the build where it is used. {@link
 * jp.kakaritsuke.kb.vocab.PROV} names the few PROV-O terms the application uses (Jena has no class for them).
 */
package jp.kakaritsuke.kb.vocab;
