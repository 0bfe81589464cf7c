package jp.kakaritsuke.kb.command;

import java.util.List;
import java.util.function.Consumer;

/**
 * The way in to one command of the jar, the same for every command: the first arguments that select it, its usage,
 * and the check of its arguments that {@link CommandLauncher} runs before it starts a context for it.
 *
 * @param names the first arguments that select the command
 * @param usage the text {@code --help} prints, and refused arguments after the problem
 * @param check reads the arguments, throwing an {@link IllegalArgumentException} that names the one refused
 */
public record CommandEntry(List<String> names, String usage, Consumer<String[]> check) {

    public CommandEntry {
        names = List.copyOf(names);
    }

    public static CommandEntry of(String usage, Consumer<String[]> check, String... names) {
        return new CommandEntry(List.of(names), usage, check);
    }

    /** True when the arguments ask for this command. */
    public boolean isRequested(String[] args) {
        return args.length > 0 && names.contains(args[0]);
    }

    /**
     * Runs the command in an application context of its own, without a web server.
     *
     * @return the process exit status
     */
    public int run(Class<?> applicationClass, String[] args) {
        return CommandLauncher.launch(applicationClass, usage, args, check);
    }
}
