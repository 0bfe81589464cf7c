package jp.kakaritsuke.kb.command;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one command of the jar ({@code export}, {@code import}, {@code backup}, {@code restore}) in an application
 * context of its own, without a web server, the same way for every command: {@code --help} prints the usage;
 * arguments the command refuses ({@link CommandArguments} reads them the same way for every command) print the problem
 * and the usage and exit with 2; otherwise the context runs (the
 * command is an {@code ApplicationRunner} in it) and its exit code is the process's.
 */
public final class CommandLauncher {

    private CommandLauncher() {}

    /**
     * Starts the command after {@code check} accepted its arguments.
     *
     * @param check reads the arguments, throwing an {@link IllegalArgumentException} that names the one refused
     * @return the process exit status
     */
    public static int launch(Class<?> applicationClass, String usage, String[] args, Consumer<String[]> check) {
        return launch(applicationClass, usage, args, check, System.out, System.err);
    }

    static int launch(
            Class<?> applicationClass,
            String usage,
            String[] args,
            Consumer<String[]> check,
            PrintStream out,
            PrintStream err) {
        if (List.of(args).contains("--help")) {
            out.print(usage);
            return 0;
        }
        try {
            check.accept(args);
        } catch (IllegalArgumentException e) {
            return refused(args, e, usage, err);
        }
        SpringApplication application = new SpringApplication(applicationClass);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(args)) {
            return SpringApplication.exit(context);
        }
    }

    /**
     * Prints why the arguments were refused ({@code command: problem}) and the usage.
     *
     * @return the exit status of refused arguments, 2
     */
    public static int refused(String[] args, IllegalArgumentException problem, String usage, PrintStream err) {
        err.println((args.length > 0 ? args[0] : "command") + ": " + problem.getMessage());
        err.print(usage);
        return 2;
    }
}
