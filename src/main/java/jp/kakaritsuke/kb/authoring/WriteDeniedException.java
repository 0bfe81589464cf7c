package jp.kakaritsuke.kb.authoring;

import org.springframework.security.access.AccessDeniedException;

/**
 * The user is signed in but may not write this worksheet: its area lies outside the editor's prefectures (or is the
 * placeholder area, which only administrators write). Answers 403. Nothing was written.
 */
public class WriteDeniedException extends AccessDeniedException {

    public WriteDeniedException(String message) {
        super(message);
    }
}
