"""Unit tests of autograder.py (standard library only): python3 -m unittest discover -s classroom50"""

import json
import os
import stat
import sys
import tempfile
import time
import unittest
from pathlib import Path
from unittest import mock

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import autograder  # noqa: E402

REPORT = {
    "schema": "docker-lab-grade/v1",
    "submission": ".",
    "score": 5,
    "maxScore": 9,
    "criteria": [
        {"id": "a.one", "title": "Un", "group": "g", "points": 3, "maxPoints": 3, "status": "pass", "message": "", "durationMs": 1},
        {"id": "a.two", "title": "Deux", "group": "g", "points": 2, "maxPoints": 6, "status": "fail", "message": "x", "durationMs": 1},
        {"id": "a.tip", "title": "Conseil", "group": "g", "points": 0, "maxPoints": 0, "status": "fail", "message": "y", "durationMs": 1},
    ],
}

# A stand-in for npm: `npm ci` creates node_modules; `npm run ... -- DIR --json F --markdown M` writes a report.
FAKE_NPM = f"""#!{sys.executable}
import json, os, sys
args = sys.argv[1:]
with open(os.environ["FAKE_NPM_LOG"], "a") as log:
    log.write(" ".join(args) + "\\n")
if args[0] == "ci":
    os.makedirs("node_modules")
    sys.exit(0)
if os.environ.get("FAKE_NPM_FAIL"):
    sys.exit(7)
json_path = args[args.index("--json") + 1]
md_path = args[args.index("--markdown") + 1]
with open(json_path, "w") as f:
    json.dump({json.dumps(REPORT)}, f)
with open(md_path, "w") as f:
    f.write("## Correction automatique — Note : 5/9\\n")
"""


def make_grader_root(path: Path) -> Path:
    (path / "grader" / "src").mkdir(parents=True)
    (path / "grader" / "src" / "cli.ts").write_text("")
    (path / "package.json").write_text("{}")
    return path


class ClassroomResultTest(unittest.TestCase):
    def test_contract(self):
        result = autograder.classroom_result(REPORT)
        self.assertEqual(result["schema"], "classroom50/result/v1")
        self.assertEqual((result["score"], result["max-score"]), (5, 9))
        self.assertEqual(
            result["tests"],
            [
                {"test-name": "Un (a.one)", "passed": True, "score": 3, "max-score": 3},
                {"test-name": "Deux (a.two)", "passed": False, "score": 2, "max-score": 6},
            ],
        )

    def test_score_clamped_and_integers_required(self):
        report = json.loads(json.dumps(REPORT))
        report["criteria"][0]["points"] = 12
        self.assertEqual(autograder.classroom_result(report)["tests"][0]["score"], 3)
        report["criteria"][0]["points"] = 1.5
        with self.assertRaises(autograder.GradingError):
            autograder.classroom_result(report)
        with self.assertRaises(autograder.GradingError):
            autograder.classroom_result({"schema": "other"})


class GraderRootTest(unittest.TestCase):
    def test_precedence_env_then_script_then_cwd(self):
        with tempfile.TemporaryDirectory() as tmp:
            env_root = make_grader_root(Path(tmp) / "env")
            script_root = make_grader_root(Path(tmp) / "script")
            cwd_root = make_grader_root(Path(tmp) / "cwd")
            script = script_root / "classroom50" / "autograder.py"
            elsewhere = Path(tmp) / "elsewhere" / "autograder.py"
            self.assertEqual(autograder.find_grader_root(cwd_root, {"DOCKER_LAB_GRADER_ROOT": str(env_root)}, script), env_root.resolve())
            self.assertEqual(autograder.find_grader_root(cwd_root, {}, script), script_root.resolve())
            self.assertEqual(autograder.find_grader_root(cwd_root, {}, elsewhere), cwd_root.resolve())
            with self.assertRaises(autograder.GradingError):
                autograder.find_grader_root(Path(tmp), {}, elsewhere)
            with self.assertRaises(autograder.GradingError):
                autograder.find_grader_root(cwd_root, {"DOCKER_LAB_GRADER_ROOT": tmp}, script)


class FlowTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        base = Path(self.tmp.name)
        self.root = make_grader_root(base / "root")
        self.checkout = base / "checkout"
        self.checkout.mkdir()
        bin_dir = base / "bin"
        bin_dir.mkdir()
        npm = bin_dir / "npm"
        npm.write_text(FAKE_NPM)
        npm.chmod(npm.stat().st_mode | stat.S_IXUSR)
        self.log = base / "npm.log"
        self.env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "FAKE_NPM_LOG": str(self.log), "DOCKER_LAB_GRADER_ROOT": str(self.root)}

    def tearDown(self):
        self.tmp.cleanup()

    def grade(self, extra_env=None):
        with mock.patch.dict(os.environ, {**self.env, **(extra_env or {})}):
            return autograder.grade(self.checkout, dict(os.environ), Path(__file__), ["--static-only"])

    def test_npm_ci_when_node_modules_is_missing_then_grade(self):
        self.grade()
        calls = self.log.read_text().splitlines()
        self.assertEqual(calls[0], "ci --no-audit --no-fund")
        self.assertTrue(calls[1].startswith(f"run --silent grade -- {self.checkout.resolve()} --json "))
        self.assertTrue(calls[1].endswith("--static-only"))
        result = json.loads((self.checkout / "result.json").read_text())
        self.assertEqual((result["score"], result["max-score"]), (5, 9))
        self.assertIn("Note : 5/9", (self.checkout / "release-body.md").read_text())
        # Second run: node_modules exists, no npm ci.
        self.grade()
        self.assertEqual(len([c for c in self.log.read_text().splitlines() if c.startswith("ci")]), 1)

    def test_grader_failure_is_an_error(self):
        with self.assertRaises(autograder.GradingError):
            self.grade({"FAKE_NPM_FAIL": "1"})
        self.assertFalse((self.checkout / "result.json").exists())

    def test_deadline_stops_the_process_group(self):
        start = time.monotonic()
        with self.assertRaises(autograder.GradingError) as caught:
            autograder.run(["sleep", "30"], self.checkout, time.monotonic() + 0.5, "sleep")
        self.assertIn("deadline", str(caught.exception))
        self.assertLess(time.monotonic() - start, 10)


if __name__ == "__main__":
    unittest.main()
