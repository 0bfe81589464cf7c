package jp.kakaritsuke.kb.authoring.form;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import jp.kakaritsuke.kb.area.AreaIris;
import jp.kakaritsuke.kb.authoring.Author;
import jp.kakaritsuke.kb.authoring.FiscalYears;
import jp.kakaritsuke.kb.authoring.SaveResult;
import jp.kakaritsuke.kb.authoring.ValidationFailedException;
import jp.kakaritsuke.kb.authoring.WorksheetRepository;
import jp.kakaritsuke.kb.authoring.WriteDeniedException;
import jp.kakaritsuke.kb.authoring.history.Version;
import jp.kakaritsuke.kb.authoring.security.Authors;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.vocab.Statuses;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;
import org.apache.jena.graph.Graph;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Starting a worksheet, {@code /worksheets/new}: the area (a prefecture first, then the prefecture itself or an area
 * in it — only those the signed-in user may write), the function, the fiscal year and a starting point (blank, one
 * of the MHLW examples, or any existing worksheet). A worksheet started from another is saved at once as a draft
 * copy (see {@link WorksheetGraphs#copy}) and opens in the editor; a blank one cannot be saved before it has a
 * challenge, a cause and a measure, so it opens in the editor unsaved and is created by its first save.
 */
@Controller
class NewWorksheetController {

    static final String VIEW = "authoring/form/new";

    private final WorksheetRepository repository;
    private final FormOptions options;
    private final EditorPage editor;
    private final MessageSource messages;

    NewWorksheetController(
            WorksheetRepository repository, FormOptions options, EditorPage editor, MessageSource messages) {
        this.repository = repository;
        this.options = options;
        this.editor = editor;
        this.messages = messages;
    }

    /** What the user chose so far, shown again with any problems. */
    record Choice(
            String prefecture,
            String area,
            String function,
            String fiscalYear,
            String start,
            String other,
            String comment) {}

    @GetMapping(path = "/worksheets/new", produces = MediaType.TEXT_HTML_VALUE)
    String form(
            @RequestParam Optional<String> prefecture,
            @RequestParam Optional<String> area,
            @RequestParam Optional<String> other,
            Authentication user,
            Model page) {
        Author author = Authors.of(user);
        requireWriter(author);
        Set<String> allowed = allowedPrefectures(author);
        String chosen =
                prefecture.orElse(allowed.size() == 1 ? allowed.iterator().next() : null);
        // A worksheet's page links here to start from it: only a name of a worksheet is taken.
        Optional<String> startOther = other.filter(WorksheetNames::isSlug);
        return render(
                author,
                new Choice(
                        chosen,
                        area.filter(a -> !a.isBlank()).orElse(null),
                        null,
                        Integer.toString(currentFiscalYear()),
                        startOther.isPresent() ? "other" : "blank",
                        startOther.orElse(null),
                        null),
                List.of(),
                page);
    }

    @PostMapping(path = "/worksheets/new", produces = MediaType.TEXT_HTML_VALUE)
    String create(
            @RequestParam(defaultValue = "") String prefecture,
            @RequestParam(defaultValue = "") String area,
            @RequestParam(defaultValue = "") String function,
            @RequestParam(defaultValue = "") String fiscalYear,
            @RequestParam(defaultValue = "blank") String start,
            @RequestParam(defaultValue = "") String other,
            @RequestParam(defaultValue = "") String comment,
            Authentication user,
            HttpServletResponse response,
            Model page) {
        Author author = Authors.of(user);
        requireWriter(author);
        String lang = LocalizedText.currentLanguage();
        Choice choice = new Choice(prefecture, area, function, fiscalYear, start, other, comment);
        List<String> problems = new ArrayList<>();
        if (area.isBlank()) {
            problems.add("form.new.error.area");
        } else if (!repository.mayWrite(author, area)) {
            throw new WriteDeniedException("User " + author.name() + " may not write worksheets of " + area);
        }
        if (options.concepts(KK.functions, lang).stream()
                .noneMatch(o -> o.value().equals(function))) {
            problems.add("form.new.error.function");
        }
        int year = FiscalYears.parse(fiscalYear).orElse(0);
        if (year < 2000 || year > 2100) {
            problems.add("form.new.error.fiscalYear");
        }
        String startSlug = "other".equals(start) ? other : start;
        Optional<Graph> startGraph = Optional.empty();
        if (!"blank".equals(start)) {
            startGraph = WorksheetNames.isSlug(startSlug) ? repository.get(startSlug) : Optional.empty();
            if (startGraph.isEmpty()) {
                problems.add("form.new.error.start");
            }
        }
        if (!problems.isEmpty()) {
            return render(author, choice, problems, page);
        }
        String slug = repository.newSlug(area, function, year);
        String worksheet = repository.names(slug).worksheet();
        WorksheetGraphs.Header header = new WorksheetGraphs.Header(
                area,
                function,
                year,
                Statuses.DRAFT.getURI(),
                options.titles(
                        area,
                        function,
                        (l, args) -> messages.getMessage("form.new.titlePattern", args, Locale.forLanguageTag(l))));
        if (startGraph.isEmpty()) {
            WorksheetForm form = new WorksheetForm();
            form.setSlug(slug);
            form.setCreated(true);
            form.setArea(area);
            form.setFunction(function);
            form.setStatus(header.status());
            form.setFiscalYear(Integer.toString(year));
            form.setTitleJa(header.titles().get("ja"));
            form.setTitleEn(header.titles().get("en"));
            form.getCauses().add(new WorksheetForm.Cause());
            form.getMeasures().add(new WorksheetForm.Measure());
            form.setComment(comment);
            return editor.render(form, FieldErrors.none(), page);
        }
        Graph graph = WorksheetGraphs.copy(
                startGraph.get(), repository.names(startSlug).worksheet(), worksheet, header);
        String note = comment.isBlank()
                ? messages.getMessage("form.new.defaultComment", new Object[] {startSlug}, Locale.forLanguageTag(lang))
                : comment.strip();
        SaveResult result;
        try {
            result = repository.save(slug, graph, author, note, Version.Origin.EDITOR, 0);
        } catch (ValidationFailedException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            page.addAttribute("report", FieldErrors.of(e, worksheet, lang));
            return render(author, choice, List.of("form.new.error.invalidStart"), page);
        }
        return "redirect:/doc/worksheet/" + result.slug() + "/edit?saved=" + result.version();
    }

    private String render(Author author, Choice choice, List<String> problems, Model page) {
        String lang = LocalizedText.currentLanguage();
        Set<String> allowed = allowedPrefectures(author);
        page.addAttribute("choice", choice);
        page.addAttribute("problems", problems);
        page.addAttribute("prefectures", options.prefectures(allowed, lang));
        boolean prefectureAllowed = AreaIris.isPrefectureCode(choice.prefecture())
                && (allowed.isEmpty() || allowed.contains(choice.prefecture()));
        page.addAttribute("areaGroups", prefectureAllowed ? options.areasIn(choice.prefecture(), lang) : List.of());
        page.addAttribute("functions", options.concepts(KK.functions, lang));
        page.addAttribute("examples", options.examples(lang));
        page.addAttribute(
                "worksheets",
                prefectureAllowed ? options.worksheetsIn(choice.prefecture(), choice.other(), lang) : List.of());
        return VIEW;
    }

    /** The prefecture codes an editor writes for; empty for an administrator, who writes them all. */
    private static Set<String> allowedPrefectures(Author author) {
        return author.isAdmin() ? Set.of() : author.prefectures();
    }

    private static void requireWriter(Author author) {
        if (!author.isAdmin()
                && (!author.roles().contains(Author.Role.EDITOR)
                        || author.prefectures().isEmpty())) {
            throw new WriteDeniedException("User " + author.name() + " writes no area");
        }
    }

    /** Japan's fiscal year starts in April. */
    private static int currentFiscalYear() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        return today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    }
}
