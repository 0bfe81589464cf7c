package jp.kakaritsuke.kb.demo;

import java.nio.file.Path;
import java.util.Locale;

/** The command-line options of {@link DemoWorksheetGenerator}, parsed and checked. */
record DemoOptions(DemoWorksheetGenerator.Scale scale, int years, long seed, Path out, Path data) {

    static final String USAGE = "usage: --scale demo|prefectures|zones|municipalities --years N --seed L "
            + "--out FILE --data DIR";

    /**
     * Parses {@code args}. Without {@code --out} the demo scale goes to {@code data/demo/demo.trig} and the larger
     * ones to {@code var/demo/{scale}.trig}, outside version control.
     */
    static DemoOptions parse(String[] args) {
        DemoWorksheetGenerator.Scale scale = DemoWorksheetGenerator.Scale.DEMO;
        int years = 1;
        long seed = DemoWorksheetGenerator.DEFAULT_SEED;
        Path out = null;
        Path data = Path.of("data");
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
                default -> throw new DemoDataException("Unknown argument \"" + option + "\"; " + USAGE);
            }
        }
        if (years < 1 || years > 20) {
            throw new DemoDataException("--years must be 1 to 20, not " + years);
        }
        if (out == null) {
            out = scale == DemoWorksheetGenerator.Scale.DEMO ? data.resolve("demo").resolve("demo.trig")
                    : Path.of("var", "demo", scale.name().toLowerCase(Locale.ROOT) + ".trig");
        }
        return new DemoOptions(scale, years, seed, out, data);
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DemoDataException(option + " must be a whole number, not \"" + value + "\"");
        }
    }
}
