package org.slmhub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The workflows' security properties, read from the YAML as GitHub reads it: no trigger that runs a
 * fork's code with the base repository's secrets, read-only tokens unless a job must publish, and
 * every third-party action pinned to a commit digest (a tag can be moved to other code).
 */
class WorkflowSecurityTest {
    private static final Pattern PINNED = Pattern.compile("[^@\\s]+@[0-9a-f]{40}");
    /** What a job may be granted beyond read: exactly what deploying to GitHub Pages needs. */
    private static final Map<String, Object> PAGES_DEPLOY = Map.of("pages", "write", "id-token", "write");

    static Path workflows() {
        return TestPaths.repoRoot().resolve(".github/workflows");
    }

    static Stream<String> workflowFiles() throws IOException {
        try (Stream<Path> files = Files.list(workflows())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String name) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(workflows().resolve(name)));
    }

    @Test
    void theTwoWorkflowsExist() throws IOException {
        assertEquals(List.of("pull-request.yml", "site.yml"), workflowFiles().toList());
    }

    /** What a step's script may expand: values this workflow computed itself, never text a pull request controls. */
    private static final Pattern SAFE_IN_SCRIPTS = Pattern.compile("\\$\\{\\{\\s*(matrix|needs|steps)\\.[\\w.-]+\\s*}}");

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflowFiles")
    @SuppressWarnings("unchecked")
    void scriptsExpandNoPullRequestTextAndNoSecrets(String name) throws IOException {
        String text = Files.readString(workflows().resolve(name));
        assertFalse(text.contains("secrets."), name + " uses a secret: a pull request's build must not see one");
        Map<String, Object> jobs = (Map<String, Object>) load(name).get("jobs");
        for (Object job : jobs.values()) {
            for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")) {
                String script = String.valueOf(step.getOrDefault("run", ""));
                // branch names, titles and bodies reach a script only through env, where the shell quotes them
                assertEquals("", SAFE_IN_SCRIPTS.matcher(script).replaceAll("").replaceAll("[^$]|\\$(?!\\{\\{)", ""),
                        name + ": a run script expands an expression other than matrix/needs/steps: " + script);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflowFiles")
    void neverRunsOnPullRequestTarget(String name) throws IOException {
        Map<String, Object> workflow = load(name);
        // YAML 1.1 (SnakeYAML) reads the key `on` as the boolean true.
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
        List<String> triggers = on instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList()
                : on instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(on));
        assertFalse(triggers.isEmpty(), name + " has no trigger");
        assertFalse(triggers.contains("pull_request_target"), name + " runs on pull_request_target: " + triggers);
        assertFalse(triggers.contains("workflow_run"), name + " runs on workflow_run, which also gets write tokens for fork code");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflowFiles")
    @SuppressWarnings("unchecked")
    void tokensAreReadOnlyExceptWherePagesAreDeployed(String name) throws IOException {
        Map<String, Object> workflow = load(name);
        assertEquals(Map.of("contents", "read"), workflow.get("permissions"), name + ": top-level permissions must be exactly contents: read");
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        jobs.forEach((id, value) -> {
            Map<String, Object> job = (Map<String, Object>) value;
            Object permissions = job.get("permissions");
            if (permissions == null) {
                return; // inherits the read-only top level
            }
            assertInstanceOf(Map.class, permissions, name + " job " + id + ": permissions must list scopes, not " + permissions);
            Map<String, Object> granted = (Map<String, Object>) permissions;
            boolean writes = granted.values().stream().anyMatch("write"::equals);
            if (writes) {
                assertEquals(PAGES_DEPLOY, granted, name + " job " + id + " may only be granted pages and id-token write");
                assertTrue(uses(job).stream().anyMatch(u -> u.startsWith("actions/deploy-pages@")),
                        name + " job " + id + " is granted Pages write but does not deploy Pages");
            }
        });
        if (name.equals("pull-request.yml")) {
            jobs.forEach((id, job) -> assertEquals(null, ((Map<String, Object>) job).get("permissions"), "pull-request job " + id + " widens permissions"));
            Map<String, Object> on = (Map<String, Object>) workflow.get(Boolean.TRUE);
            assertTrue(on.containsKey("pull_request"), "pull-request.yml runs on pull_request");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workflowFiles")
    @SuppressWarnings("unchecked")
    void everyThirdPartyActionIsPinnedToACommitDigest(String name) throws IOException {
        Map<String, Object> jobs = (Map<String, Object>) load(name).get("jobs");
        List<String> all = new ArrayList<>();
        jobs.values().forEach(job -> all.addAll(uses((Map<String, Object>) job)));
        assertFalse(all.isEmpty(), name + " uses no actions?");
        for (String uses : all) {
            if (!uses.startsWith("./")) {
                assertTrue(PINNED.matcher(uses).matches(), name + ": `" + uses + "` is not pinned to a 40-hex commit digest");
            }
        }
        // And each pin names its release, so a reader (and Dependabot) knows what the digest is.
        for (String line : Files.readAllLines(workflows().resolve(name))) {
            if (line.strip().matches("(- )?uses: [^.].*")) {
                assertTrue(line.matches(".*@[0-9a-f]{40} # v\\d+\\.\\d+\\.\\d+\\s*"), name + ": no `# vX.Y.Z` after the digest: " + line.strip());
            }
        }
    }

    /** The actions a job runs, and the reusable workflow it calls. */
    @SuppressWarnings("unchecked")
    private static List<String> uses(Map<String, Object> job) {
        List<String> out = new ArrayList<>();
        if (job.get("uses") instanceof String reusable) {
            out.add(reusable);
        }
        if (job.get("steps") instanceof List<?> steps) {
            for (Object step : steps) {
                if (((Map<String, Object>) step).get("uses") instanceof String action) {
                    out.add(action);
                }
            }
        }
        return out;
    }
}
