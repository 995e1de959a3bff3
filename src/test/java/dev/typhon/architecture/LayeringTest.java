package dev.typhon.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of the design: the syntax layer knows nothing of the layers built on it. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.typhon");
    }

    @Test
    void astDoesNotDependOnSemantic() {
        noClasses().that().resideInAPackage("dev.typhon.ast..")
                .should().dependOnClassesThat().resideInAPackage("dev.typhon.semantic..")
                .check(classes);
    }

    @Test
    void libraryDoesNotDependOnTheCli() {
        noClasses().that().resideInAnyPackage("dev.typhon.ast..", "dev.typhon.semantic..")
                .should().dependOnClassesThat().resideInAPackage("dev.typhon.cli..")
                .check(classes);
    }

    @Test
    void libraryDoesNotDependOnTheMdtestRunner() {
        noClasses().that().resideInAnyPackage("dev.typhon.ast..", "dev.typhon.semantic..")
                .should().dependOnClassesThat().resideInAPackage("dev.typhon.mdtest..")
                .check(classes);
    }

    @Test
    void generatedNodesDoNotDependOnTheParser() {
        noClasses().that().resideInAPackage("dev.typhon.ast")
                .should().dependOnClassesThat().resideInAnyPackage("dev.typhon.ast.parser..", "dev.typhon.ast.dump..")
                .allowEmptyShould(false)
                .check(classes);
    }

    @Test
    void indexSitsAboveResolutionAndBelowNames() {
        noClasses().that().resideInAnyPackage("dev.typhon.semantic.index..", "dev.typhon.semantic.resolve..")
                .should().dependOnClassesThat().resideInAPackage("dev.typhon.semantic.names..")
                .check(classes);
    }

    /** The arrows of the design point down: diagnostics, then inference, then types, then the index and resolver. */
    @Test
    void semanticLayersPointDown() {
        noClasses().that().resideInAnyPackage("dev.typhon.semantic.index..", "dev.typhon.semantic.resolve..",
                        "dev.typhon.semantic.names..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.typhon.semantic.types..",
                        "dev.typhon.semantic.infer..", "dev.typhon.semantic.diagnostics..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.typhon.semantic.types..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.typhon.semantic.infer..",
                        "dev.typhon.semantic.diagnostics..", "dev.typhon.semantic.index..", "dev.typhon.semantic.resolve..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.typhon.semantic.infer..")
                .should().dependOnClassesThat().resideInAPackage("dev.typhon.semantic.diagnostics..")
                .check(classes);
        // api/ (the Workspace) is the top of the library: nothing below it knows it.
        noClasses().that().resideInAPackage("dev.typhon.semantic..")
                .and().resideOutsideOfPackage("dev.typhon.semantic.api..")
                .should().dependOnClassesThat().resideInAPackage("dev.typhon.semantic.api..")
                .check(classes);
    }

    /** Eclipse Collections is an implementation detail: the public API speaks java.util. */
    @Test
    void publicApiReturnsJavaCollections() {
        noMethods().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAnyPackage("dev.typhon.ast..", "dev.typhon.semantic..")
                .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "an Eclipse Collections type",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("org.eclipse.collections")))
                .check(classes);
    }
}
