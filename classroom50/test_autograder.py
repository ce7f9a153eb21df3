"""Tests of autograder.py (standard library only): python3 -m unittest discover -s classroom50

The contract tests encode the validation Classroom 50's runner applies to result.json
(foundation50/classroom50, cli/gh-teacher/skeleton/dotgithub/scripts/runner.py, validate_result,
revision 0c499034), one rule per field we write, each quoting the runner's message. Every rule has
a case it must reject, so a rule that stops checking anything fails here. Set CLASSROOM50_RUNNER to
a copy of that runner.py to also check our results with the runner's own function.
"""

import copy
import importlib.util
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

sys.dont_write_bytecode = True
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import autograder  # noqa: E402

ENV = {
    "CLASSROOM": "ml-systems",
    "ASSIGNMENT": "docker-lab",
    "SUBMISSION_TAG": "submit/2026-11-29T10-00-00Z-abc1234",
    "COMMIT_URL": "https://github.com/org/ml-systems-docker-lab-alice/commit/abc1234",
    "RELEASE_URL": "https://github.com/org/ml-systems-docker-lab-alice/releases/tag/submit%2F2026-11-29T10-00-00Z-abc1234",
    "REVIEW_URL": "https://github.com/org/ml-systems-docker-lab-alice/compare/000...abc1234",
}

REPORT = {
    "schema": "docker-lab-grade/v1",
    "submission": ".",
    "score": 5,
    "maxScore": 9,
    "criteria": [
        {"id": "a.one", "title": "Un", "group": "g", "points": 3, "maxPoints": 3, "status": "pass", "message": "", "durationMs": 1},
        {"id": "a.two", "title": "Deux", "group": "g", "points": 2, "maxPoints": 6, "status": "fail", "message": "x", "durationMs": 1},
        {"id": "a.err", "title": "Trois", "group": "g", "points": 0, "maxPoints": 4, "status": "error", "message": "boom", "durationMs": 1},
        {"id": "a.tip", "title": "Conseil", "group": "g", "points": 0, "maxPoints": 0, "status": "fail", "message": "y", "durationMs": 1},
    ],
}


def non_negative_int(value):
    # The runner rejects bool explicitly (an int subclass in Python).
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def each_test(predicate):
    return lambda r, env: isinstance(r.get("tests"), list) and all(predicate(t) for t in r["tests"])


def test_dicts(r):
    return [t for t in r.get("tests") or [] if isinstance(t, dict)]


# (the runner's message, the rule, a mutation of a valid result that breaks it)
RUNNER_RULES = [
    ("result.json is not a JSON object",
     lambda r, env: isinstance(r, dict),
     lambda r: [r]),
    ("result.json schema is ..., want 'classroom50/result/v1'",
     lambda r, env: r.get("schema") == "classroom50/result/v1",
     lambda r: {**r, "schema": "classroom50/result/v2"}),
    ("result.json classroom is ..., want $CLASSROOM",
     lambda r, env: r.get("classroom") == env["CLASSROOM"],
     lambda r: {k: v for k, v in r.items() if k != "classroom"}),
    ("result.json assignment is ..., want $ASSIGNMENT",
     lambda r, env: r.get("assignment") == env["ASSIGNMENT"],
     lambda r: {**r, "assignment": "another-lab"}),
    ("result.json 'submission' must be a 'submit/*' string",
     lambda r, env: isinstance(r.get("submission"), str) and r["submission"].startswith("submit/"),
     lambda r: {**r, "submission": "2026-11-29T10-00-00Z-abc1234"}),
    ("result.json 'commit' must be a non-empty string",
     lambda r, env: isinstance(r.get("commit"), str) and r["commit"] != "",
     lambda r: {**r, "commit": ""}),
    ("result.json 'release' must be a non-empty string",
     lambda r, env: isinstance(r.get("release"), str) and r["release"] != "",
     lambda r: {k: v for k, v in r.items() if k != "release"}),
    ("result.json 'review' must be a non-empty string",
     lambda r, env: isinstance(r.get("review"), str) and r["review"] != "",
     lambda r: {**r, "review": None}),
    ("result.json 'score' must be a non-negative integer",
     lambda r, env: non_negative_int(r.get("score")),
     lambda r: {**r, "score": True}),
    ("result.json 'max-score' must be a non-negative integer",
     lambda r, env: non_negative_int(r.get("max-score")),
     lambda r: {**r, "max-score": float(r["max-score"])}),
    ("result.json score (...) > max-score (...)",
     lambda r, env: not (non_negative_int(r.get("score")) and non_negative_int(r.get("max-score"))) or r["score"] <= r["max-score"],
     lambda r: {**r, "score": r["max-score"] + 1}),
    ("result.json 'tests' is not a list",
     lambda r, env: isinstance(r.get("tests"), list),
     lambda r: {**r, "tests": {t["test-name"]: t for t in r["tests"]}}),
    ("result.json 'tests[i]' is not an object",
     each_test(lambda t: isinstance(t, dict)),
     lambda r: {**r, "tests": [*r["tests"], "x"]}),
    ("result.json 'tests[i].test-name' must be a non-empty string",
     lambda r, env: all(isinstance(t.get("test-name"), str) and t["test-name"] != "" for t in test_dicts(r)),
     lambda r: {**r, "tests": [{**r["tests"][0], "test-name": ""}, *r["tests"][1:]]}),
    ("result.json 'tests[i].passed' must be a boolean",
     lambda r, env: all(isinstance(t.get("passed"), bool) for t in test_dicts(r)),
     lambda r: {**r, "tests": [{**r["tests"][0], "passed": 1}, *r["tests"][1:]]}),
    ("result.json 'tests[i].score' must be a non-negative integer",
     lambda r, env: all(non_negative_int(t.get("score")) for t in test_dicts(r)),
     lambda r: {**r, "tests": [{**r["tests"][0], "score": -1}, *r["tests"][1:]]}),
    ("result.json 'tests[i].max-score' must be a non-negative integer",
     lambda r, env: all(non_negative_int(t.get("max-score")) for t in test_dicts(r)),
     lambda r: {**r, "tests": [{**r["tests"][0], "max-score": "3"}, *r["tests"][1:]]}),
    ("result.json 'tests[i].score' (...) > 'tests[i].max-score' (...)",
     lambda r, env: all(not (non_negative_int(t.get("score")) and non_negative_int(t.get("max-score"))) or t["score"] <= t["max-score"] for t in test_dicts(r)),
     lambda r: {**r, "tests": [{**r["tests"][0], "score": r["tests"][0]["max-score"] + 1}, *r["tests"][1:]]}),
]

# Fields the runner stamps itself (finalize_result): the autograder leaves them out.
RUNNER_STAMPED = ("owner", "assignment_type", "datetime", "graded_at", "submitted_by")


def broken_rules(result, env=ENV):
    return [name for name, rule, _ in RUNNER_RULES if not rule(result, env)]


def load_runner():
    path = os.environ.get("CLASSROOM50_RUNNER")
    if not path:
        return None
    spec = importlib.util.spec_from_file_location("classroom50_runner", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class RunnerContractTest(unittest.TestCase):
    def result(self, report=REPORT):
        # Through JSON, as the runner reads it.
        return json.loads(json.dumps(autograder.classroom_result(report, autograder.identity(ENV))))

    def test_every_rule_rejects_its_counter_example(self):
        valid = self.result()
        self.assertEqual(broken_rules(valid), [])
        for name, rule, mutate in RUNNER_RULES:
            with self.subTest(rule=name):
                self.assertFalse(rule(mutate(copy.deepcopy(valid)), ENV), f"the rule accepts its counter-example: {name}")

    def test_our_results_pass_every_rule(self):
        full = copy.deepcopy(REPORT)
        for c in full["criteria"]:
            c["points"], c["status"] = c["maxPoints"], "pass"
        overscored = copy.deepcopy(REPORT)
        overscored["criteria"][1]["points"] = 99
        negative = copy.deepcopy(REPORT)
        negative["criteria"][1]["points"] = -4
        advice_only = {**REPORT, "criteria": [REPORT["criteria"][3]]}
        for name, report in {"partial": REPORT, "full": full, "over": overscored, "negative": negative, "advice only": advice_only}.items():
            with self.subTest(report=name):
                result = self.result(report)
                self.assertEqual(broken_rules(result), [])
                self.assertEqual(result["score"], sum(t["score"] for t in result["tests"]))
                self.assertEqual(result["max-score"], sum(t["max-score"] for t in result["tests"]))

    def test_identity_comes_from_the_runner_environment(self):
        result = self.result()
        self.assertEqual(
            {k: result[k] for k in ("classroom", "assignment", "submission", "commit", "release", "review")},
            {"classroom": ENV["CLASSROOM"], "assignment": ENV["ASSIGNMENT"], "submission": ENV["SUBMISSION_TAG"],
             "commit": ENV["COMMIT_URL"], "release": ENV["RELEASE_URL"], "review": ENV["REVIEW_URL"]},
        )
        for field in RUNNER_STAMPED:
            self.assertNotIn(field, result)

    def test_one_test_per_criterion_worth_points_named_in_french_with_its_id(self):
        result = self.result()
        self.assertEqual(
            result["tests"],
            [
                {"test-name": "Un (a.one)", "passed": True, "score": 3, "max-score": 3},
                {"test-name": "Deux (a.two)", "passed": False, "score": 2, "max-score": 6},
                {"test-name": "Trois (a.err)", "passed": False, "score": 0, "max-score": 4},
            ],
        )
        self.assertEqual((result["score"], result["max-score"]), (5, 13))

    def test_a_report_that_is_not_integers_is_refused(self):
        report = copy.deepcopy(REPORT)
        report["criteria"][0]["points"] = 1.5
        with self.assertRaises(autograder.GradingError):
            autograder.classroom_result(report, autograder.identity(ENV))
        with self.assertRaises(autograder.GradingError):
            autograder.classroom_result({"schema": "other"}, autograder.identity(ENV))

    @unittest.skipUnless(os.environ.get("CLASSROOM50_RUNNER"), "CLASSROOM50_RUNNER not set")
    def test_the_runners_own_validation(self):
        runner = load_runner()
        result = self.result()
        result.update(owner="alice", assignment_type="individual", datetime="2026-11-29T10:00:00Z", graded_at="2026-11-29T10:05:00Z")
        self.assertIsNone(runner.validate_result(result, classroom=ENV["CLASSROOM"], assignment=ENV["ASSIGNMENT"], owner="alice"))
        for name, _, mutate in RUNNER_RULES:
            with self.subTest(rule=name):
                self.assertIsNotNone(runner.validate_result(mutate(copy.deepcopy(result)), classroom=ENV["CLASSROOM"], assignment=ENV["ASSIGNMENT"], owner="alice"))


# A stand-in for node: `--version` prints FAKE_NODE_VERSION; otherwise it logs how it was called
# and writes the report and Markdown the real grader would.
FAKE_NODE = f"""#!{sys.executable}
import json, os, sys, time
args = sys.argv[1:]
if args == ["--version"]:
    print(os.environ.get("FAKE_NODE_VERSION", "v24.11.1"))
    sys.exit(0)
with open(os.environ["FAKE_NODE_LOG"], "a") as log:
    log.write(json.dumps({{"argv": args, "cwd": os.getcwd(), "bundle": os.environ.get("CLASSROOM50_BUNDLE_DIR")}}) + "\\n")
if os.environ.get("FAKE_SLEEP"):
    time.sleep(float(os.environ["FAKE_SLEEP"]))
if os.environ.get("FAKE_EXIT"):
    sys.exit(int(os.environ["FAKE_EXIT"]))
report = json.loads(os.environ.get("FAKE_REPORT") or {json.dumps(json.dumps(REPORT))})
with open(args[args.index("--json") + 1], "w") as f:
    json.dump(report, f)
with open(args[args.index("--markdown") + 1], "w") as f:
    f.write("## Correction automatique — Note : 5/13\\n")
"""


class FlowTest(unittest.TestCase):
    """autograder.py run the way the runner runs it: `python3 <bundle>/autograder.py`, cwd = checkout."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        base = Path(self.tmp.name)
        self.bundle = base / "runtime" / "docker-lab"
        self.bundle.mkdir(parents=True)
        shutil.copy(HERE / "autograder.py", self.bundle / "autograder.py")
        (self.bundle / "grader.mjs").write_text("// the bundled grader\n")
        self.checkout = base / "checkout"
        (self.checkout / "grader" / "src").mkdir(parents=True)
        # What a student could forge in their repository: none of it may run.
        (self.checkout / "package.json").write_text('{"scripts": {"grade": "echo 100/100"}}')
        (self.checkout / "grader" / "src" / "cli.ts").write_text("console.log('100/100')")
        self.bin = base / "bin"
        self.bin.mkdir()
        node = self.bin / "node"
        node.write_text(FAKE_NODE)
        node.chmod(node.stat().st_mode | stat.S_IXUSR)
        self.log = base / "node.log"
        self.env = {**ENV, "PATH": f"{self.bin}:/usr/bin:/bin", "FAKE_NODE_LOG": str(self.log)}

    def tearDown(self):
        self.tmp.cleanup()

    def run_autograder(self, extra_env=None, args=(), env=None):
        return subprocess.run(
            [sys.executable, str(self.bundle / "autograder.py"), *args],
            cwd=self.checkout, env={**(env or self.env), **(extra_env or {})},
            capture_output=True, text=True, timeout=120,
        )

    def calls(self):
        return [json.loads(line) for line in self.log.read_text().splitlines()]

    def test_grades_the_checkout_with_the_bundles_grader_and_writes_both_files(self):
        run = self.run_autograder()
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("5/13", run.stdout)
        [call] = self.calls()
        self.assertEqual(call["argv"][0], str((self.bundle / "grader.mjs").resolve()))
        self.assertEqual(call["argv"][1], str(self.checkout.resolve()))
        self.assertIn("--tamper-check", call["argv"])
        self.assertEqual(call["bundle"], str(self.bundle.resolve()))
        result = json.loads((self.checkout / "result.json").read_text())
        self.assertEqual(broken_rules(result), [])
        self.assertEqual((result["score"], result["max-score"]), (5, 13))
        self.assertEqual((self.checkout / "release-body.md").read_text(), "## Correction automatique — Note : 5/13\n")

    def test_the_runners_bundle_dir_is_passed_on_and_arguments_go_to_the_grader(self):
        run = self.run_autograder({"CLASSROOM50_BUNDLE_DIR": str(self.bundle)}, args=["--static-only"])
        self.assertEqual(run.returncode, 0, run.stderr)
        [call] = self.calls()
        self.assertEqual(call["bundle"], str(self.bundle))
        self.assertEqual(call["argv"][-1], "--static-only")

    def assert_error(self, run, *fragments):
        self.assertNotEqual(run.returncode, 0)
        lines = run.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, run.stderr)
        for fragment in fragments:
            self.assertIn(fragment, lines[0])
        self.assertFalse((self.checkout / "result.json").exists())

    def test_missing_identity_is_an_error(self):
        env = {k: v for k, v in self.env.items() if k not in ("RELEASE_URL", "REVIEW_URL")}
        self.assert_error(self.run_autograder(env=env), "RELEASE_URL", "REVIEW_URL")

    def test_no_usable_node_is_an_error(self):
        self.assert_error(self.run_autograder({"FAKE_NODE_VERSION": "v20.19.0"}), "v20.19.0", '"node": "24"')
        self.assert_error(self.run_autograder({"PATH": "/usr/bin/nonexistent"}), "no Node.js", '"node": "24"')

    def test_no_docker_engine_is_an_error_not_a_score(self):
        report = {**REPORT, "engineAbsent": "no Docker engine answers: connect ENOENT /var/run/docker.sock"}
        self.assert_error(self.run_autograder({"FAKE_REPORT": json.dumps(report)}), "Docker engine", "ENOENT")

    def test_a_failing_grader_is_an_error(self):
        self.assert_error(self.run_autograder({"FAKE_EXIT": "3"}), "exit code 3")

    def test_the_deadline_stops_grading_and_is_an_error(self):
        start = time.monotonic()
        run = self.run_autograder({"FAKE_SLEEP": "60", "DOCKER_LAB_DEADLINE_SECONDS": "1"})
        self.assert_error(run, "deadline")
        self.assertLess(time.monotonic() - start, 20)

    def test_in_github_actions_the_reason_is_an_error_annotation(self):
        run = self.run_autograder({"FAKE_EXIT": "3", "GITHUB_ACTIONS": "true"})
        self.assert_error(run, "::error title=Docker lab autograder::")


if __name__ == "__main__":
    unittest.main()
