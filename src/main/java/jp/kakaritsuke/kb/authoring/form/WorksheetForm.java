package jp.kakaritsuke.kb.authoring.form;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worksheet editor's form, bound by Spring MVC from the request parameters and converted to and from the
 * worksheet graph by {@link WorksheetGraphs}.
 *
 * <p>Every item carries a {@code key}: the IRI it had when the form was read from the store, or {@code new-…} for an
 * item added in the form. The links between items (a measure's causes, an indicator's measures) refer to keys, so
 * moving or removing an item needs no renumbering of references; the IRIs are assigned by position only when the
 * form is saved, and the key tells what each saved item was before.
 */
public class WorksheetForm {

    private static final Pattern MOVE =
            Pattern.compile("(?:measure-(\\d+)-)?(cause|measure|action|role|indicator)-(\\d+)-(up|down|remove)");
    private static final Pattern ADD = Pattern.compile("(?:measure-(\\d+)-)?add-(cause|measure|action|role|indicator)");

    private String slug;
    private boolean created;
    private String area;
    private String function;
    private String derivedFrom;
    private String titleJa;
    private String titleEn;
    private Text challenge = new Text();
    private List<Cause> causes = new ArrayList<>();
    private Text targetState = new Text();
    private List<Measure> measures = new ArrayList<>();
    private Text effect = new Text();
    private List<Indicator> indicators = new ArrayList<>();
    private String status;
    private String fiscalYear;
    private String consultationDates;
    private String comment;
    private Integer baseVersion;
    private Integer theirVersion;

    /** A text of the worksheet: the wording in Japanese and its optional English translation. */
    public static class Text {
        private String key = newKey();
        private String ja;
        private String en;
        private boolean outdated;
        private boolean confirmed;

        public String getKey() {
            return key;
        }

        public void setKey(String key) {
            this.key = key;
        }

        public String getJa() {
            return ja;
        }

        public void setJa(String ja) {
            this.ja = ja;
        }

        public String getEn() {
            return en;
        }

        public void setEn(String en) {
            this.en = en;
        }

        /** True if the translation was marked outdated when the form was read (kk:translationOutdated). */
        public boolean isOutdated() {
            return outdated;
        }

        public void setOutdated(boolean outdated) {
            this.outdated = outdated;
        }

        /** True if the author confirms that the translation translates the wording as it now is. */
        public boolean isConfirmed() {
            return confirmed;
        }

        public void setConfirmed(boolean confirmed) {
            this.confirmed = confirmed;
        }

        /** True if neither wording has any text. */
        public boolean isBlank() {
            return blank(ja) && blank(en);
        }
    }

    /** A text that is classified: a cause (kk:causeType) or a measure (kk:measureType), by concept IRIs. */
    public static class Typed extends Text {
        private List<String> types = new ArrayList<>();

        /** IRIs of the kk:causeTypes or kk:measureTypes concepts of the item. */
        public List<String> getTypes() {
            return types;
        }

        public void setTypes(List<String> types) {
            this.types = types;
        }
    }

    /** A cause: its text and its types. */
    public static class Cause extends Typed {}

    /**
     * A ✓ action of a measure: its text, the resources it uses and the actors it involves (IRIs of kk:resources and
     * kk:actorTypes concepts). They belong to the action: they move and go with it.
     */
    public static class Action extends Text {
        private List<String> resources = new ArrayList<>();
        private List<String> actors = new ArrayList<>();

        /** IRIs of the kk:resources concepts the action uses. */
        public List<String> getResources() {
            return resources;
        }

        public void setResources(List<String> resources) {
            this.resources = resources;
        }

        /** IRIs of the kk:actorTypes concepts the action involves. */
        public List<String> getActors() {
            return actors;
        }

        public void setActors(List<String> actors) {
            this.actors = actors;
        }
    }

    /**
     * A measure: its text and types, its ✓ actions, the causes it addresses, the resources and actors it involves,
     * roles.
     */
    public static class Measure extends Typed {
        private List<Action> actions = new ArrayList<>();
        private List<String> addresses = new ArrayList<>();
        private List<String> resources = new ArrayList<>();
        private List<String> actors = new ArrayList<>();
        private List<Role> roles = new ArrayList<>();

        public List<Action> getActions() {
            return actions;
        }

        public void setActions(List<Action> actions) {
            this.actions = actions;
        }

        /** Keys of the causes the measure addresses. */
        public List<String> getAddresses() {
            return addresses;
        }

        public void setAddresses(List<String> addresses) {
            this.addresses = addresses;
        }

        /** IRIs of the kk:resources concepts the measure uses. */
        public List<String> getResources() {
            return resources;
        }

        public void setResources(List<String> resources) {
            this.resources = resources;
        }

        /** IRIs of the kk:actorTypes concepts the measure involves. */
        public List<String> getActors() {
            return actors;
        }

        public void setActors(List<String> actors) {
            this.actors = actors;
        }

        public List<Role> getRoles() {
            return roles;
        }

        public void setRoles(List<Role> roles) {
            this.roles = roles;
        }
    }

    /** One row of the division of roles: who (an actor type) does what (the text). */
    public static class Role extends Text {
        private String actor;

        public String getActor() {
            return actor;
        }

        public void setActor(String actor) {
            this.actor = actor;
        }
    }

    /** A progress indicator: its text, the measures it tracks (by key), its baseline and target values. */
    public static class Indicator extends Text {
        private List<String> tracks = new ArrayList<>();
        private String baseline;
        private String target;

        public List<String> getTracks() {
            return tracks;
        }

        public void setTracks(List<String> tracks) {
            this.tracks = tracks;
        }

        public String getBaseline() {
            return baseline;
        }

        public void setBaseline(String baseline) {
            this.baseline = baseline;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }
    }

    static String newKey() {
        return "new-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Applies one of the editor's buttons: {@code add-cause}, {@code cause-2-up}, {@code measure-1-add-action},
     * {@code measure-1-role-2-remove}, … (positions count from 1). Returns false if {@code op} is none of them.
     */
    boolean apply(String op) {
        Matcher add = ADD.matcher(op);
        if (add.matches()) {
            List<? extends Text> list = list(add.group(2), add.group(1));
            if (list == null) {
                return false;
            }
            addTo(add.group(2), add.group(1));
            return true;
        }
        Matcher move = MOVE.matcher(op);
        if (!move.matches()) {
            return false;
        }
        List<? extends Text> list = list(move.group(2), move.group(1));
        int i = Integer.parseInt(move.group(3)) - 1;
        if (list == null || i < 0 || i >= list.size()) {
            return false;
        }
        switch (move.group(4)) {
            case "up" -> swap(list, i, i - 1);
            case "down" -> swap(list, i, i + 1);
            default -> remove(move.group(2), list, i);
        }
        return true;
    }

    private List<? extends Text> list(String kind, String measure) {
        if (measure == null) {
            return switch (kind) {
                case "cause" -> causes;
                case "measure" -> measures;
                case "indicator" -> indicators;
                default -> null;
            };
        }
        int m = Integer.parseInt(measure) - 1;
        if (m < 0 || m >= measures.size()) {
            return null;
        }
        return switch (kind) {
            case "action" -> measures.get(m).getActions();
            case "role" -> measures.get(m).getRoles();
            default -> null;
        };
    }

    private void addTo(String kind, String measure) {
        switch (kind) {
            case "cause" -> causes.add(new Cause());
            case "measure" -> measures.add(new Measure());
            case "indicator" -> indicators.add(new Indicator());
            case "action" ->
                measures.get(Integer.parseInt(measure) - 1).getActions().add(new Action());
            default -> measures.get(Integer.parseInt(measure) - 1).getRoles().add(new Role());
        }
    }

    private static <T> void swap(List<T> list, int i, int j) {
        if (j >= 0 && j < list.size()) {
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    private void remove(String kind, List<? extends Text> list, int i) {
        String key = list.remove(i).getKey();
        // References by key to a removed cause or measure go with it.
        Consumer<List<String>> unlink = refs -> refs.removeIf(key::equals);
        if (kind.equals("cause")) {
            measures.forEach(m -> unlink.accept(m.getAddresses()));
        } else if (kind.equals("measure")) {
            indicators.forEach(n -> unlink.accept(n.getTracks()));
        }
    }

    /** The worksheet's slug (from the URL, not from the request body). */
    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    /** True while the worksheet has not been saved yet (a blank start). */
    public boolean isCreated() {
        return created;
    }

    public void setCreated(boolean created) {
        this.created = created;
    }

    /** The area IRI; bound from the request only for a worksheet not saved yet, otherwise read from the store. */
    public String getArea() {
        return area;
    }

    public void setArea(String area) {
        this.area = area;
    }

    /** The function concept IRI; bound like {@link #getArea()}. */
    public String getFunction() {
        return function;
    }

    public void setFunction(String function) {
        this.function = function;
    }

    /** The worksheet a new worksheet starts from, if any; bound like {@link #getArea()}. */
    public String getDerivedFrom() {
        return derivedFrom;
    }

    public void setDerivedFrom(String derivedFrom) {
        this.derivedFrom = derivedFrom;
    }

    public String getTitleJa() {
        return titleJa;
    }

    public void setTitleJa(String titleJa) {
        this.titleJa = titleJa;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    /** Every text of the form: challenge, causes, target state, measures with their actions and roles, effect, indicators. */
    public List<Text> texts() {
        List<Text> all = new ArrayList<>();
        all.add(challenge);
        all.addAll(causes);
        all.add(targetState);
        for (Measure measure : measures) {
            all.add(measure);
            all.addAll(measure.getActions());
            all.addAll(measure.getRoles());
        }
        all.add(effect);
        all.addAll(indicators);
        all.removeIf(java.util.Objects::isNull);
        return all;
    }

    public Text getChallenge() {
        return challenge;
    }

    public void setChallenge(Text challenge) {
        this.challenge = challenge;
    }

    public List<Cause> getCauses() {
        return causes;
    }

    public void setCauses(List<Cause> causes) {
        this.causes = causes;
    }

    public Text getTargetState() {
        return targetState;
    }

    public void setTargetState(Text targetState) {
        this.targetState = targetState;
    }

    public List<Measure> getMeasures() {
        return measures;
    }

    public void setMeasures(List<Measure> measures) {
        this.measures = measures;
    }

    public Text getEffect() {
        return effect;
    }

    public void setEffect(Text effect) {
        this.effect = effect;
    }

    public List<Indicator> getIndicators() {
        return indicators;
    }

    public void setIndicators(List<Indicator> indicators) {
        this.indicators = indicators;
    }

    /** The status concept IRI (draft, agreed, …). */
    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getFiscalYear() {
        return fiscalYear;
    }

    public void setFiscalYear(String fiscalYear) {
        this.fiscalYear = fiscalYear;
    }

    /** The consultation dates, {@code yyyy-mm-dd}, separated by commas or spaces. */
    public String getConsultationDates() {
        return consultationDates;
    }

    public void setConsultationDates(String consultationDates) {
        this.consultationDates = consultationDates;
    }

    /** What the change is, for the history. */
    public String getComment() {
        return comment;
    }

    /** The version of the worksheet the form was read from (0 for a new worksheet): a save based on it is refused
     * if someone else saved meanwhile. */
    public Integer getBaseVersion() {
        return baseVersion;
    }

    public void setBaseVersion(Integer baseVersion) {
        this.baseVersion = baseVersion;
    }

    /** After a refused save: the version someone else saved meanwhile, which an overwrite or a merge is based on. */
    public Integer getTheirVersion() {
        return theirVersion;
    }

    public void setTheirVersion(Integer theirVersion) {
        this.theirVersion = theirVersion;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
