package jp.kakaritsuke.kb.authoring.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The history page of a worksheet, {@code /doc/worksheet/{slug}/history}: every version with who, when and why, the
 * difference between two chosen versions, and (for editors and administrators) a button that restores a version.
 */
@Controller
class HistoryPageController {

    private final WorksheetRepository repository;

    HistoryPageController(WorksheetRepository repository) {
        this.repository = repository;
    }

    @GetMapping(path = "/doc/worksheet/{slug}/history", produces = MediaType.TEXT_HTML_VALUE)
    String history(
            @PathVariable String slug,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            Authentication user,
            Model model) {
        WorksheetNames names = names(slug);
        List<Version> versions = repository.history(slug);
        boolean exists = repository.exists(slug);
        if (versions.isEmpty() && !exists) {
            throw new NotFoundException("worksheet " + slug);
        }
        model.addAttribute("slug", slug);
        model.addAttribute("worksheet", names.worksheet());
        model.addAttribute("title", title(slug, names, versions));
        List<Version> newestFirst = new ArrayList<>(versions);
        Collections.reverse(newestFirst);
        model.addAttribute("versions", newestFirst);
        model.addAttribute(
                "current",
                versions.isEmpty() ? 1 : versions.get(versions.size() - 1).number());
        model.addAttribute("exists", exists);
        model.addAttribute("canWrite", Authors.canWrite(user));
        if (versions.size() >= 2) {
            int newest = versions.get(versions.size() - 1).number();
            int a = from != null ? from : newest - 1;
            int b = to != null ? to : newest;
            model.addAttribute("from", a);
            model.addAttribute("to", b);
            model.addAttribute(
                    "diff", repository.diff(slug, Math.min(a, b), Math.max(a, b), LocalizedText.currentLanguage()));
        }
        return "authoring/history";
    }

    @PostMapping("/doc/worksheet/{slug}/history/restore")
    String restore(
            @PathVariable String slug,
            @RequestParam int version,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(required = false) Integer basedOn,
            Authentication user,
            RedirectAttributes redirect) {
        names(slug);
        if (comment.isBlank()) {
            throw new BadRequestException("comment", "why this version is restored (kept in the history)");
        }
        if (version == repository.currentVersion(slug)) {
            throw new BadRequestException("version", "an earlier version: this one is the current content");
        }
        var result = repository.restore(slug, version, Authors.of(user), comment, Version.Origin.HISTORY, basedOn);
        redirect.addAttribute("restored", version);
        redirect.addAttribute("version", result.version());
        return "redirect:/doc/worksheet/" + slug + "/history";
    }

    private WorksheetNames names(String slug) {
        if (!WorksheetNames.isSlug(slug)) {
            throw new BadRequestException("slug", "1 to 100 lower-case letters, digits and inner hyphens");
        }
        return repository.names(slug);
    }

    /** The worksheet's title in the reader's language, from the current content or the newest non-empty version. */
    private String title(String slug, WorksheetNames names, List<Version> versions) {
        Graph content = repository.get(slug).orElse(null);
        for (int i = versions.size() - 1; content == null && i >= 0; i--) {
            Graph g = repository.version(slug, versions.get(i).number());
            content = g.isEmpty() ? null : g;
        }
        if (content == null) {
            return slug;
        }
        Node worksheet = NodeFactory.createURI(names.worksheet());
        String lang = LocalizedText.currentLanguage();
        String ja = null;
        for (var t : content.find(worksheet, DCTerms.title.asNode(), Node.ANY).toList()) {
            Node o = t.getObject();
            if (o.isLiteral() && lang.equals(o.getLiteralLanguage())) {
                return o.getLiteralLexicalForm();
            }
            if (o.isLiteral() && ja == null) {
                ja = o.getLiteralLexicalForm();
            }
        }
        return ja != null ? ja : slug;
    }
}
