package jp.kakaritsuke.kb.demo;

import java.nio.file.Path;
import java.util.Locale;

/** The command-line options of {@link DemoWorksheetGenerator}, parsed and checked. */
record DemoOptions(
        DemoWorksheetGenerator.Scale scale, int years, long seed, Path out, Path data, String intoStore, String base) {

    static final String USAGE = "usage: --scale demo|prefectures|zones|municipalities --years N --seed L "
            + "(--out FILE | --into-store TDB2_DIR|DATASET_URL [--base IRI]) --data DIR";

    /**
     * Parses {@code args}. Without {@code --out} or {@code --into-store} the demo scale goes to
     * {@code data/demo/demo.trig} and the larger ones to {@code var/demo/{scale}.trig}, outside version control.
     * {@code --into-store} writes into a store instead of a file: a TDB2 directory, or the URL of a SPARQL 1.1
     * dataset (services {@code sparql}, {@code update}, {@code data}); its IRIs are then resolved against
     * {@code --base} (the application's {@code kb.base-iri}, default {@code http://localhost:8080/}).
     */
    static DemoOptions parse(String[] args) {
        DemoWorksheetGenerator.Scale scale = DemoWorksheetGenerator.Scale.DEMO;
        int years = 1;
        long seed = DemoWorksheetGenerator.DEFAULT_SEED;
        Path out = null;
        Path data = Path.of("data");
        String intoStore = null;
        String base = DemoWorksheetGenerator.BUILD_BASE;
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length && option.startsWith("--")) {
                throw new DemoDataException(option + " needs a value; " + USAGE);
            }
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (option) {
                case "--scale" -> scale = DemoWorksheetGenerator.Scale.parse(value);
                case "--years" -> years = (int) number(option, value);
                case "--seed" -> seed = number(option, value);
                case "--out" -> out = Path.of(value);
                case "--data" -> data = Path.of(value);
                case "--into-store" -> intoStore = value;
                case "--base" -> base = value;
                default -> throw new DemoDataException("Unknown argument \"" + option + "\"; " + USAGE);
            }
        }
        if (years < 1 || years > 20) {
            throw new DemoDataException("--years must be 1 to 20, not " + years);
        }
        if (intoStore != null && out != null) {
            throw new DemoDataException("--out and --into-store exclude each other; " + USAGE);
        }
        if (!base.endsWith("/")) {
            throw new DemoDataException("--base must end with \"/\", not \"" + base + "\"");
        }
        if (out == null && intoStore == null) {
            out = scale == DemoWorksheetGenerator.Scale.DEMO
                    ? data.resolve("demo").resolve("demo.trig")
                    : Path.of("var", "demo", scale.name().toLowerCase(Locale.ROOT) + ".trig");
        }
        return new DemoOptions(scale, years, seed, out, data, intoStore, base);
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DemoDataException(option + " must be a whole number, not \"" + value + "\"");
        }
    }
}
