package jp.kakaritsuke.kb.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.kakaritsuke.kb.evidence.EvidenceIris;
import jp.kakaritsuke.kb.vocab.KK;
import jp.kakaritsuke.kb.web.BadRequestException;
import jp.kakaritsuke.kb.worksheet.WorksheetNames;

/**
 * Which part of the dataset to export: everything; the worksheets of one area or prefecture (areas within it and
 * municipalities a zone covers included) with the evidence about it; the worksheet graphs of one function (narrower
 * functions included) or of one worksheet; or one evidence data set.
 *
 * @param scope what kind of subset
 * @param id the area path after {@code id/area/} (e.g. {@code pref/13}, {@code niji/8/1301}), the prefecture's
 *           two-digit JIS code, the function's id (e.g. {@code f2-ha}), the worksheet's slug or the evidence data
 *           set's name (e.g. {@code demand}); null for ALL
 */
public record ExportSelection(Scope scope, String id) {

    /** The kinds of subset, each with the form its id must have. */
    public enum Scope {
        ALL(null),
        AREA(Pattern.compile("[a-z][a-z0-9-]*(/[A-Za-z0-9-]+){0,3}")),
        PREFECTURE(Pattern.compile("0[1-9]|[1-3][0-9]|4[0-7]")),
        FUNCTION(Pattern.compile("f[0-9]+(-[a-z]+)?")),
        WORKSHEET(Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*")),
        EVIDENCE(Pattern.compile("[a-z0-9][a-z0-9-]*"));

        private final Pattern idPattern;

        Scope(Pattern idPattern) {
            this.idPattern = idPattern;
        }

        /** The name used in URLs and on the command line. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static String keys() {
            return Arrays.stream(values()).map(Scope::key).collect(Collectors.joining(", "));
        }
    }

    /** The whole dataset. */
    public static final ExportSelection ALL = new ExportSelection(Scope.ALL, null);

    /**
     * Reads a selection from its textual parameters.
     *
     * @throws BadRequestException naming {@code scope} or {@code id} when either is unknown or malformed
     */
    public static ExportSelection parse(String scope, String id) {
        if (scope == null || scope.isBlank()) {
            throw new BadRequestException("scope", "missing; one of " + Scope.keys());
        }
        Scope s = Arrays.stream(Scope.values())
                .filter(v -> v.key().equals(scope))
                .findFirst()
                .orElseThrow(() ->
                        new BadRequestException("scope", "unknown scope '" + scope + "'; one of " + Scope.keys()));
        if (s == Scope.ALL) {
            if (id != null && !id.isEmpty()) {
                throw new BadRequestException("id", "the scope 'all' takes no id");
            }
            return ALL;
        }
        if (id == null || id.isEmpty()) {
            throw new BadRequestException("id", "missing; the scope '" + scope + "' needs one");
        }
        if (!s.idPattern.matcher(id).matches()) {
            throw new BadRequestException(
                    "id", "'" + id + "' is not a valid " + scope + " id (expected " + s.idPattern.pattern() + ")");
        }
        return new ExportSelection(s, id);
    }

    /** The IRI of the area, function or worksheet the subset is about, or null for ALL. */
    String subject(String baseIri) {
        return switch (scope) {
            case ALL -> null;
            case AREA -> baseIri + "id/area/" + id;
            case PREFECTURE -> baseIri + "id/area/pref/" + id;
            case FUNCTION -> KK.VOCABULARY + "function/" + id;
            case WORKSHEET -> WorksheetNames.worksheetPrefix(baseIri) + id;
            case EVIDENCE -> baseIri + EvidenceIris.dataset(id);
        };
    }

    /** The path of the export URL without the extension, e.g. {@code /export/area/pref/13}. */
    public String path() {
        return scope == Scope.ALL ? "/export/all" : "/export/" + scope.key() + "/" + id;
    }

    /** A file name for the download, e.g. {@code kakaritsuke-kb-area-pref-13}. */
    public String fileStem() {
        return scope == Scope.ALL ? "kakaritsuke-kb-all" : "kakaritsuke-kb-" + scope.key() + "-" + id.replace('/', '-');
    }
}
