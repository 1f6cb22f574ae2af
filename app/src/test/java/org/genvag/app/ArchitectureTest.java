// SPDX-License-Identifier: Apache-2.0
package org.genvag.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house rules of the layout, on the compiled main classes of every module: cli -> pipeline -> io -> core, spark
 * beside cli on pipeline (and nothing on spark), core
 * on the JDK, fastutil, the gatk-native-bindings interfaces and Commons Numbers only, no library module on test data
 * or on the executable's extras, and no package cycle anywhere. This module's test classpath holds every module, so
 * the rules see the real jars' classes; a violation names the class and the dependency.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.genvag.core", "org.genvag.io", "org.genvag.pipeline", "org.genvag.cli",
                    "org.genvag.app", "org.genvag.spark");

    @Test
    void theImportSawEveryModule() {
        for (String pkg : new String[] {"org.genvag.core.kb", "org.genvag.io.vcf", "org.genvag.pipeline.batch",
            "org.genvag.cli", "org.genvag.app", "org.genvag.spark.vcf"}) {
            if (MAIN.stream().noneMatch(c -> c.getPackageName().equals(pkg))) {
                throw new AssertionError("no main class of " + pkg + " imported: the rules below would pass vacuously");
            }
        }
    }

    @Test
    void coreDependsOnTheJdkFastutilAndTheNativeBindingInterfacesOnly() {
        classes().that().resideInAPackage("org.genvag.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.genvag.core..",
                        "it.unimi.dsi.fastutil..", "org.broadinstitute.gatk.nativebindings..",
                        "org.apache.commons.numbers..")
                .because("core holds the domain and its algorithms, free of formats, htsjdk and our other modules")
                .check(MAIN);
    }

    @Test
    void ioIsFormatsOnly() {
        noClasses().that().resideInAPackage("org.genvag.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.genvag.pipeline..", "org.genvag.cli..",
                        "org.genvag.app..", "org.genvag.testdata..")
                .check(MAIN);
    }

    @Test
    void pipelineRunsJobsBelowTheCommandLine() {
        noClasses().that().resideInAPackage("org.genvag.pipeline..")
                .should().dependOnClassesThat().resideInAnyPackage("org.genvag.cli..", "org.genvag.app..",
                        "org.genvag.testdata..")
                .check(MAIN);
    }

    @Test
    void theCommandLineNeedsNoTestData() {
        noClasses().that().resideInAPackage("org.genvag.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.genvag.app..", "org.genvag.testdata..")
                .check(MAIN);
    }

    @Test
    void sparkRunsThePipelineBesideTheCommandLine() {
        noClasses().that().resideInAPackage("org.genvag.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.genvag.cli..", "org.genvag.app..",
                        "org.genvag.testdata..")
                .check(MAIN);
        noClasses().that().resideOutsideOfPackage("org.genvag.spark..")
                .should().dependOnClassesThat().resideInAPackage("org.genvag.spark..")
                .because("Spark is a provided dependency of genvag-spark alone: the library and the command line run "
                        + "without it")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.genvag.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
