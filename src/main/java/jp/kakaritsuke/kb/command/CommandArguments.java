package jp.kakaritsuke.kb.command;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command of the jar, read the same way for every command: the first argument names the command;
 * an option is {@code --name value} or {@code --name=value}; a flag is {@code --flag} or {@code --flag=true|false};
 * any other {@code --a.b=c} is a Spring property, passed through to the application and left alone here; anything
 * else is refused with an {@link IllegalArgumentException} naming the argument.
 */
public final class CommandArguments {

    private final String command;
    private final Map<String, String> values;

    private CommandArguments(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /**
     * @param options the command's options that take a value
     * @param flags the command's options that take none
     * @throws IllegalArgumentException naming the argument that is wrong
     */
    public static CommandArguments parse(String[] args, Set<String> options, Set<String> flags) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command given");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(arg + ": unexpected argument");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                values.put(name, Boolean.toString(value == null || Boolean.parseBoolean(value)));
                continue;
            }
            if (!options.contains(name)) {
                if (eq >= 0) {
                    continue;
                }
                throw new IllegalArgumentException("--" + name + ": unknown option");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + ": needs a value");
                }
                value = args[++i];
            }
            values.put(name, value);
        }
        return new CommandArguments(args[0], values);
    }

    /** The command: the first argument. */
    public String command() {
        return command;
    }

    /** The value of option {@code name}, or {@code otherwise} when it is not given. */
    public String value(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    /**
     * The value of option {@code name}.
     *
     * @param hint what to give, for the message when it is missing
     * @throws IllegalArgumentException when it is not given
     */
    public String required(String name, String hint) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + ": missing; " + hint);
        }
        return value;
    }

    /** Whether flag {@code name} is set. */
    public boolean flag(String name) {
        return Boolean.parseBoolean(values.get(name));
    }
}
