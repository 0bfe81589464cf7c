package jp.kakaritsuke.kb.command;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * A command of the jar as a bean of the context {@link CommandLauncher} starts: it does nothing unless the first
 * argument names it, and its exit status becomes the process's.
 */
public abstract class JarCommand implements ApplicationRunner, ExitCodeGenerator {

    private final CommandEntry entry;
    private int exitCode;

    /** @param entry the command's way in, with the first arguments that select it */
    protected JarCommand(CommandEntry entry) {
        this.entry = entry;
    }

    @Override
    public final void run(ApplicationArguments arguments) {
        String[] args = arguments.getSourceArgs();
        if (entry.isRequested(args)) {
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
