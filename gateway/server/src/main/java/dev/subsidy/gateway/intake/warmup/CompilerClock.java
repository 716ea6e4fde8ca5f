package dev.subsidy.gateway.intake.warmup;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How long the JVM's just-in-time compilers have spent compiling: what tells the warm-up ({@link IntakeWarmUp}) that
 * they have caught up with the intake's code.
 */
@FunctionalInterface
interface CompilerClock {

    /** Milliseconds spent compiling since the JVM started, summed over its compiler threads; -1 when not known. */
    long compilingMillis();

    /** This JVM's, from its compilation bean; one that does not keep the time always answers -1. */
    static CompilerClock ofThisJvm() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        if (compiler == null || !compiler.isCompilationTimeMonitoringSupported()) {
            return () -> -1;
        }
        return compiler::getTotalCompilationTime;
    }
}
