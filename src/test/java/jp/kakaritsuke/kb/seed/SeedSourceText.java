package jp.kakaritsuke.kb.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MHLW worksheet text ({@code data/source/mhlw-betten6.txt}) read by the rules of {@code data/source/README.md}:
 * the blank template's title and headings, and for each worked example its title and its entries, each with the
 * item class and the IRI path (relative to the worksheet) that the seed data gives it.
 */
final class SeedSourceText {

    static final String TITLE_PREFIX = "XXX地域におけるかかりつけ医機能の課題について";
    private static final Pattern LABEL = Pattern.compile("^【(原因|方策)([①-⑳])】");
    private static final Pattern ATTACHMENT = Pattern.compile("^別添[０-９]+$");
    private static final String ACTION_MARK = "✓";
    private static final String NOTE_MARK = "※";

    /** One entry of an example: its item class (local name in kk:), its path under the worksheet IRI, its text. */
    record Entry(String itemClass, String path, String text) {}

    record Example(String title, List<Entry> entries) {}

    record Template(String title, String attachmentLabel, List<String> headings) {}

    private record Line(int number, String text) {}

    private final Path file;
    private final Template template;
    private final List<Example> examples = new ArrayList<>();

    private SeedSourceText(Path file, List<String> lines) {
        this.file = file;
        List<List<Line>> sections = sections(lines);
        if (sections.isEmpty()) {
            throw new IllegalStateException(file + ": no line starts with " + TITLE_PREFIX);
        }
        this.template = template(sections.get(0));
        Set<String> printed = new HashSet<>(template.headings());
        printed.add(template.attachmentLabel());
        for (List<Line> section : sections.subList(1, sections.size())) {
            examples.add(example(section, printed));
        }
    }

    static SeedSourceText read(Path file) throws IOException {
        return new SeedSourceText(file, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    Template template() {
        return template;
    }

    List<Example> examples() {
        return examples;
    }

    private static List<List<Line>> sections(List<String> lines) {
        List<List<Line>> sections = new ArrayList<>();
        List<Line> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.startsWith(TITLE_PREFIX)) {
                current = new ArrayList<>();
                sections.add(current);
            }
            if (current != null) {
                current.add(new Line(i + 1, text));
            }
        }
        return sections;
    }

    private Template template(List<Line> section) {
        String attachment = null;
        List<String> headings = new ArrayList<>();
        for (Line line : section.subList(1, section.size())) {
            if (line.text().isBlank()) {
                continue;
            }
            if (ATTACHMENT.matcher(line.text()).matches()) {
                if (attachment != null) {
                    throw error(line, "a second attachment label in the template");
                }
                attachment = line.text();
            } else {
                headings.add(line.text());
            }
        }
        if (attachment == null) {
            throw error(section.get(0), "the template has no attachment label (別添…)");
        }
        return new Template(section.get(0).text(), attachment, List.copyOf(headings));
    }

    private Example example(List<Line> section, Set<String> printedHeadings) {
        // Paragraphs: runs of non-blank lines; the headings the template prints are not entries.
        List<List<Line>> paragraphs = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        for (Line line : section.subList(1, section.size())) {
            if (line.text().isBlank() || printedHeadings.contains(line.text())) {
                if (!current.isEmpty()) {
                    paragraphs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            paragraphs.add(current);
        }

        List<Entry> entries = new ArrayList<>();
        List<List<Line>> unlabelled = new ArrayList<>();
        int notes = 0;
        for (List<Line> paragraph : paragraphs) {
            String first = paragraph.get(0).text();
            if (first.startsWith(NOTE_MARK)) {
                notes++;
                entries.add(new Entry("Note", "note/" + notes, joined(paragraph)));
            } else if (LABEL.matcher(first).find()) {
                labelled(paragraph, entries);
            } else if (first.startsWith(ACTION_MARK)) {
                throw error(paragraph.get(0), "an action (✓) with no 【方策n】 above it");
            } else {
                unlabelled.add(paragraph);
            }
        }
        if (unlabelled.size() != 3) {
            Line at = unlabelled.isEmpty() ? section.get(0) : unlabelled.get(0).get(0);
            throw error(at, "expected 3 unlabelled paragraphs (課題, 目指すべき姿, 効果), found " + unlabelled.size());
        }
        entries.add(new Entry("Challenge", "challenge", joined(unlabelled.get(0))));
        entries.add(new Entry("TargetState", "target-state", joined(unlabelled.get(1))));
        entries.add(new Entry("ExpectedEffect", "effect", joined(unlabelled.get(2))));
        return new Example(section.get(0).text(), List.copyOf(entries));
    }

    /** A paragraph of 【原因n】/【方策n】 entries and ✓ actions; other lines continue the entry above them. */
    private void labelled(List<Line> paragraph, List<Entry> entries) {
        String itemClass = null;
        String path = null;
        String measurePath = null;
        int actions = 0;
        StringBuilder text = new StringBuilder();
        for (Line line : paragraph) {
            Matcher label = LABEL.matcher(line.text());
            boolean action = line.text().startsWith(ACTION_MARK);
            if (label.find() || action) {
                if (itemClass != null) {
                    entries.add(new Entry(itemClass, path, text.toString()));
                }
                text.setLength(0);
                if (action) {
                    if (measurePath == null) {
                        throw error(line, "an action (✓) under a cause, not a measure");
                    }
                    actions++;
                    itemClass = "Action";
                    path = measurePath + "/action/" + actions;
                    text.append(line.text().substring(ACTION_MARK.length()));
                } else {
                    int n = label.group(2).charAt(0) - '①' + 1;
                    boolean cause = label.group(1).equals("原因");
                    itemClass = cause ? "Cause" : "Measure";
                    path = (cause ? "cause/" : "measure/") + n;
                    measurePath = cause ? null : path;
                    actions = 0;
                    text.append(line.text().substring(label.end()));
                }
            } else {
                // A line broken by the layout: joined with nothing in between.
                text.append(line.text());
            }
        }
        entries.add(new Entry(itemClass, path, text.toString()));
    }

    private static String joined(List<Line> paragraph) {
        StringBuilder text = new StringBuilder();
        paragraph.forEach(line -> text.append(line.text()));
        return text.toString();
    }

    private IllegalStateException error(Line line, String message) {
        return new IllegalStateException(file + ":" + line.number() + ": " + message);
    }
}
