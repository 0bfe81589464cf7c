package jp.kakaritsuke.kb.authoring.form;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.FiscalYears;
import jp.kakaritsuke.kb.authoring.ProtectedWorksheetException;
import jp.kakaritsuke.kb.authoring.SaveResult;
import jp.kakaritsuke.kb.authoring.ValidationFailedException;
import jp.kakaritsuke.kb.authoring.VersionConflictException;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.authoring.WriteDeniedException;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.authoring.history.WorksheetDiff;
import jp.kakaritsuke.kb.authoring.history.WorksheetMerge;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.web.NotFoundException;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The worksheet editor, {@code /doc/worksheet/{slug}/edit}: GET shows the form, POST either applies one of its
 * add / move / remove buttons and shows the form again (nothing is written), or saves through
 * {@link WorksheetRepository#save} — one transaction, with the comment in the history. A save the shapes refuse shows
 * the form again with each message at its field; nothing is written then. Only signed-in users who may write the
 * worksheet's area get the form (others: 403; nobody signed in: the sign-in page, where the security configuration
 * sends them).
 */
@Controller
class WorksheetEditController {

    private final WorksheetRepository repository;
    private final EditorPage editor;

    WorksheetEditController(WorksheetRepository repository, EditorPage editor) {
        this.repository = repository;
        this.editor = editor;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        // The slug comes from the path; a saved worksheet's area and function from the store (see post()).
        binder.setDisallowedFields("slug");
    }

    @GetMapping(path = "/doc/worksheet/{slug}/edit", produces = MediaType.TEXT_HTML_VALUE)
    String edit(@PathVariable String slug, @RequestParam Optional<Integer> saved, Authentication user, Model page) {
        Author author = Authors.of(user);
        WorksheetNames names = names(slug);
        Graph current = repository.get(slug).orElseThrow(() -> new NotFoundException("worksheet " + slug));
        WorksheetForm form = WorksheetGraphs.read(current, names.worksheet(), slug);
        if (repository.isWorkedExample(slug)) {
            // Nobody edits a worked example; everyone signed in may start a worksheet from it.
            throw new ProtectedWorksheetException(slug);
        }
        requireMayWrite(author, form.getArea(), slug);
        form.setBaseVersion(repository.currentVersion(slug));
        saved.ifPresent(v -> page.addAttribute("savedVersion", v));
        return editor.render(form, FieldErrors.none(), page);
    }

    @PostMapping(path = "/doc/worksheet/{slug}/edit", produces = MediaType.TEXT_HTML_VALUE)
    String post(
            @PathVariable String slug,
            @ModelAttribute("form") WorksheetForm form,
            @RequestParam(defaultValue = "save") String op,
            Authentication user,
            HttpServletResponse response,
            Model page) {
        Author author = Authors.of(user);
        WorksheetNames names = names(slug);
        form.setSlug(slug);
        Optional<Graph> stored = form.isCreated() ? Optional.empty() : repository.get(slug);
        if (stored.isPresent()) {
            WorksheetForm saved = WorksheetGraphs.read(stored.get(), names.worksheet(), slug);
            form.setArea(saved.getArea());
            form.setFunction(saved.getFunction());
            form.setDerivedFrom(null);
        } else if (!form.isCreated()) {
            throw new NotFoundException("worksheet " + slug);
        }
        requireMayWrite(author, form.getArea(), slug);
        if ("merge".equals(op) && stored.isPresent()) {
            return merge(slug, names, form, stored.get(), page);
        }
        Integer basedOn = form.isCreated() ? null : form.getBaseVersion();
        if ("overwrite".equals(op) && stored.isPresent()) {
            // The author saw the other person's changes and chose to replace them: based on their version.
            basedOn = form.getTheirVersion();
            op = "save";
        }
        if (!"save".equals(op)) {
            if (!form.apply(op)) {
                throw new BadRequestException("op", "an add, up, down or remove button of the form");
            }
            return editor.render(form, FieldErrors.none(), page);
        }
        if (form.isCreated()
                && (repository.exists(slug) || !repository.history(slug).isEmpty())) {
            // The slug was given when the blank worksheet was started; someone has used it since. A new worksheet
            // never replaces another.
            slug = repository.newSlug(form.getArea(), form.getFunction(), year(form.getFiscalYear()));
            names = names(slug);
            form.setSlug(slug);
        }
        Graph graph = WorksheetGraphs.write(form, stored.orElseGet(GraphFactory::createDefaultGraph), names);
        SaveResult result;
        try {
            result = repository.save(
                    slug,
                    graph,
                    author,
                    form.getComment() == null ? "" : form.getComment().strip(),
                    Version.Origin.EDITOR,
                    basedOn);
        } catch (ValidationFailedException e) {
            // Bad input is a 4xx, also when the page shows it at the fields.
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("refused", true);
            return editor.render(form, FieldErrors.of(e, names.worksheet(), LocalizedText.currentLanguage()), page);
        } catch (VersionConflictException e) {
            return conflict(slug, form, e.current(), page);
        }
        return "redirect:/doc/worksheet/" + slug + "/edit?saved=" + result.version();
    }

    /**
     * Someone else saved since the author read the form: the form again, with the author's text as typed, what the
     * other person changed (their versions, item by item) and the choice to merge or to overwrite. 409, nothing
     * written.
     */
    private String conflict(String slug, WorksheetForm form, int current, Model page) {
        int base = form.getBaseVersion() == null ? 1 : form.getBaseVersion();
        form.setTheirVersion(current);
        String lang = LocalizedText.currentLanguage();
        page.addAttribute(
                "conflict",
                new EditConflict(
                        base,
                        current,
                        repository.history(slug).stream()
                                .filter(v -> v.number() > base && v.number() <= current)
                                .toList(),
                        repository.diff(slug, Math.min(base, current), current, lang)));
        response().setStatus(HttpStatus.CONFLICT.value());
        return editor.render(form, FieldErrors.none(), page);
    }

    /**
     * The author chose to merge: their changes since the version they read, applied on top of the other person's
     * version, shown in the form to check before saving (nothing written). Where both changed the same property of
     * the same item, the author's text is kept and the place listed.
     */
    private String merge(String slug, WorksheetNames names, WorksheetForm form, Graph current, Model page) {
        Integer their = form.getTheirVersion();
        int base = form.getBaseVersion() == null ? 1 : form.getBaseVersion();
        if (their == null || their < base) {
            throw new BadRequestException("theirVersion", "the version named by the conflict");
        }
        Graph baseContent = repository.version(slug, base);
        Graph theirs = repository.version(slug, their);
        Graph mine = WorksheetGraphs.write(form, baseContent, names);
        WorksheetMerge merge = WorksheetMerge.of(baseContent, theirs, mine);
        WorksheetForm merged = WorksheetGraphs.read(merge.merged(), names.worksheet(), slug);
        merged.setBaseVersion(their);
        merged.setComment(form.getComment());
        String lang = LocalizedText.currentLanguage();
        page.addAttribute(
                "merged",
                new EditConflict.Merged(
                        their,
                        WorksheetDiff.between(
                                        names.worksheet(), their, theirs, 0, merge.merged(), Graph.emptyGraph, lang)
                                .items()
                                .stream()
                                .filter(i -> merge.conflicts().stream()
                                        .anyMatch(c -> i.subject().equals("<" + c.getSubject() + ">")))
                                .toList()));
        return editor.render(merged, FieldErrors.none(), page);
    }

    private static HttpServletResponse response() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getResponse();
    }

    private static int year(String fiscalYear) {
        return FiscalYears.parse(fiscalYear)
                .orElseThrow(() -> new BadRequestException("fiscalYear", "a year such as 2026 or 令和8年度"));
    }

    private void requireMayWrite(Author author, String area, String slug) {
        if (!repository.mayWrite(author, area)) {
            throw new WriteDeniedException("User " + author.name() + " may not write worksheet " + slug);
        }
    }

    private WorksheetNames names(String slug) {
        if (!WorksheetNames.isSlug(slug)) {
            throw new NotFoundException("worksheet " + slug);
        }
        return repository.names(slug);
    }
}
