package jp.kakaritsuke.kb.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.kakaritsuke.kb.store.CachingKnowledgeStore;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Whether the page being made was given earlier answers — counts and lists as they were before a write, while the
 * answer cache computes them again ({@link CachingKnowledgeStore}) — so that the shared header can say so
 * ({@code ${@answerFreshness.updating()}}). Only requests may be given earlier answers: the filter marks them.
 */
@Component("answerFreshness")
public class AnswerFreshness extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CachingKnowledgeStore.startRequest();
        try {
            chain.doFilter(request, response);
        } finally {
            CachingKnowledgeStore.endRequest();
        }
    }

    /** True when some answer on the page being made is from before the last write. */
    public boolean updating() {
        return CachingKnowledgeStore.servedEarlierAnswers();
    }
}
