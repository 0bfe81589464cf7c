package jp.kakaritsuke.kb.authoring.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the form's POST to {@code /login} and {@code /logout}. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "authoring/login";
    }
}
