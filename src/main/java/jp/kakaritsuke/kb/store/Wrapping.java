package jp.kakaritsuke.kb.store;

/**
 * A store that passes what it is asked on to another one ({@link TimedKnowledgeStore} times it): the answer cache
 * looks through it for the embedded database underneath, whose writes it hears of and whose directory keeps its
 * answers across a restart.
 */
interface Wrapping {

    /** The store this one passes requests on to. */
    KnowledgeStore delegate();
}
