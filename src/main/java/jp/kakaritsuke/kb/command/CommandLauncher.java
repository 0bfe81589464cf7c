package jp.kakaritsuke.kb.command;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts one command of the jar ({@code export}, {@code import}, {@code backup}, {@code restore}) in an application
 * context of its own, without a web server, the same way for every command: {@code --help} prints the usage;
 * arguments the command refuses print the problem and the usage and exit with 2; otherwise the context runs (the
 * command is an {@code ApplicationRunner} in it) and its exit code is the process's.
 */
public final class CommandLauncher {

    private CommandLauncher() {}

    /**
     * @param problem returns what is wrong with the arguments, or null when they are acceptable
     * @return the process exit status
     */
    public static int launch(
            Class<?> applicationClass, String usage, String[] args, Function<String[], String> problem) {
        return launch(applicationClass, usage, args, problem, System.out, System.err);
    }

    static int launch(
            Class<?> applicationClass,
            String usage,
            String[] args,
            Function<String[], String> problem,
            PrintStream out,
            PrintStream err) {
        if (List.of(args).contains("--help")) {
            out.print(usage);
            return 0;
        }
        String refusal = problem.apply(args);
        if (refusal != null) {
            err.println(refusal);
            err.print(usage);
            return 2;
        }
        SpringApplication application = new SpringApplication(applicationClass);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(args)) {
            return SpringApplication.exit(context);
        }
    }
}
