package jp.kakaritsuke.kb.command;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A command of the jar as a bean of the context {@link CommandLauncher} starts: it does nothing unless the first
 * argument names it, and its exit status becomes the process's.
 */
public abstract class JarCommand implements ApplicationRunner, ExitCodeGenerator {

    private final List<String> names;
    private int exitCode;

    /** @param names the first arguments that select the command */
    protected JarCommand(String... names) {
        this.names = List.of(names);
    }

    @Override
    public final void run(ApplicationArguments arguments) {
        String[] args = arguments.getSourceArgs();
        if (CommandLauncher.isRequested(args, names.toArray(String[]::new))) {
            exitCode = runCommand(args);
        }
    }

    /** Runs the command on the process's standard streams; returns the exit status. */
    protected abstract int runCommand(String[] args);

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
