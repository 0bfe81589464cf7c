package jp.kakaritsuke.kb.authoring.form;

import java.util.ArrayList;
import java.util.List;
import jp.kakaritsuke.kb.cross.ComparisonTypes;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.LocalizedText;
import jp.kakaritsuke.kb.worksheet.ItemKind;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Fills the model of the editor page ({@code authoring/form/edit}) for a form and its errors. */
@Component
class EditorPage {

    static final String VIEW = "authoring/form/edit";

    private final FormOptions options;

    EditorPage(FormOptions options) {
        this.options = options;
    }

    String render(WorksheetForm form, FieldErrors errors, Model page) {
        String lang = LocalizedText.currentLanguage();
        page.addAttribute("form", form);
        page.addAttribute("errors", errors);
        page.addAttribute("statuses", options.statuses(form.getStatus(), lang));
        List<FormOptions.Option> resources = options.concepts(KK.resources, lang);
        List<FormOptions.Option> actors = options.concepts(KK.actorTypes, lang);
        List<String> usedResources = new ArrayList<>();
        List<String> usedActors = new ArrayList<>();
        for (WorksheetForm.Measure m : form.getMeasures()) {
            usedResources.addAll(m.getResources());
            usedActors.addAll(m.getActors());
            m.getRoles().forEach(r -> usedActors.add(r.getActor()));
            for (WorksheetForm.Action a : m.getActions()) {
                usedResources.addAll(a.getResources());
                usedActors.addAll(a.getActors());
            }
        }
        // A value the data holds but the scheme does not list (an organisation as a role's actor) stays selectable.
        page.addAttribute("resources", concat(resources, FormOptions.extra(resources, usedResources)));
        page.addAttribute("actors", concat(actors, FormOptions.extra(actors, usedActors)));
        ComparisonTypes types = options.types(lang);
        List<String> usedCauseTypes = new ArrayList<>();
        List<String> usedMeasureTypes = new ArrayList<>();
        form.getCauses().forEach(c -> usedCauseTypes.addAll(c.getTypes()));
        form.getMeasures().forEach(m -> usedMeasureTypes.addAll(m.getTypes()));
        page.addAttribute("causeTypes", typeOptions(types.causeTypes(), usedCauseTypes));
        page.addAttribute("measureTypes", typeOptions(types.measureTypes(), usedMeasureTypes));
        page.addAttribute("functionId", form.getFunction() == null ? null : localName(form.getFunction()));
        page.addAttribute("areaLabel", form.getArea() == null ? null : options.areaLabel(form.getArea(), lang));
        page.addAttribute(
                "functionLabel", form.getFunction() == null ? null : options.conceptLabel(form.getFunction(), lang));
        int n = Math.max(form.getCauses().size(), form.getMeasures().size());
        List<String> marks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            marks.add(ItemKind.circled(i));
        }
        page.addAttribute("marks", marks);
        return VIEW;
    }

    /**
     * A type to choose: its IRI, local id (element ids, what the suggestions name), label in the reader's language,
     * definition (shown on hover) and depth in its scheme's tree.
     */
    record TypeOption(String value, String id, String label, String definition, int depth) {}

    /** The scheme's types as a tree, then any type the data holds that the scheme does not list. */
    private static List<TypeOption> typeOptions(List<ComparisonTypes.Type> types, List<String> used) {
        List<TypeOption> options = new ArrayList<>();
        for (ComparisonTypes.Type t : types) {
            options.add(new TypeOption(t.iri(), t.id(), t.label(), t.definition(), t.depth()));
        }
        for (String iri : used) {
            if (iri != null && options.stream().noneMatch(o -> o.value().equals(iri))) {
                options.add(new TypeOption(iri, "other-" + options.size(), iri, null, 0));
            }
        }
        return List.copyOf(options);
    }

    private static String localName(String iri) {
        return iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
