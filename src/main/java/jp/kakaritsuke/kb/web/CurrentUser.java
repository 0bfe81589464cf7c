package jp.kakaritsuke.kb.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's name (or nothing) into every page's model, for the header's sign-in/sign-out link. */
@ControllerAdvice
class CurrentUser {

    @ModelAttribute("currentUser")
    String currentUser(Principal principal) {
        return principal == null ? null : principal.getName();
    }
}
