#!/usr/bin/env python3
"""Classroom 50 entry point of the Docker lab's grader (Python standard library only).

`npm run export:classroom50 -- DIR` writes this file into the instructor's bundle, the folder
committed as CLASSROOM/autograders/ASSIGNMENT/ in the classroom repository, next to:

  grader.mjs     the grader and all its dependencies in one JavaScript file (runs with `node` alone)
  rubric.yml     the points per criterion
  manifest.json  the fingerprints of the student template's grader-owned files

Classroom 50's runner downloads that folder and calls `python3 <bundle>/autograder.py` with no
arguments, the student's checkout as the working directory, and its identity in the environment
(CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, COMMIT_URL, RELEASE_URL, REVIEW_URL). This script grades the
checkout's student-owned files with the bundle's grader and rubric: nothing from the checkout is
executed or imported; its grader-owned files are only read, as data, and compared with the bundle's
manifest to report tampering. It writes

  ./result.json      the result the runner validates and publishes (schema classroom50/result/v1);
  ./release-body.md  the French report, the body of the Release the student reads (the runner also
                     copies it to the job summary).

Exit code 0 whenever grading ran, whatever the score. Non-zero, with a one-line reason, when
grading as a whole could not run (no usable Node.js, no Docker engine, the deadline, a grader
failure): the runner then records an error instead of a false score.

Environment it also reads: DOCKER_LAB_DEADLINE_SECONDS (default 660: the runner's job has 15
minutes for checkout, toolchains, grading and the Release), DOCKER_LAB_NODE (the node executable,
default `node` on the PATH). Arguments, for trying the bundle by hand, go to the grader
(e.g. `--static-only`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCHEMA = "classroom50/result/v1"
DEFAULT_DEADLINE_SECONDS = 11 * 60
KILL_GRACE_SECONDS = 30
# The bundled grader's dependencies need Node.js 22 or later (keep in step with BUNDLE_NODE_MAJOR
# in grader/src/export/classroom50.ts).
MIN_NODE_MAJOR = 22
GRADER_FILE = "grader.mjs"
# The environment Classroom 50's runner gives the autograder, and the result field each becomes.
IDENTITY = {
    "classroom": "CLASSROOM",
    "assignment": "ASSIGNMENT",
    "submission": "SUBMISSION_TAG",
    "commit": "COMMIT_URL",
    "release": "RELEASE_URL",
    "review": "REVIEW_URL",
}
BUNDLE_DIR_ENV = "CLASSROOM50_BUNDLE_DIR"


class GradingError(Exception):
    """Grading as a whole could not run: the runner must record an error, not a score."""


def bundle_dir() -> Path:
    """The folder this script was extracted into, with the grader, the rubric and the manifest."""
    return Path(__file__).resolve().parent


def identity(env: dict[str, str]) -> dict[str, str]:
    """The result's identity fields, from the runner's environment."""
    missing = [name for name in IDENTITY.values() if not env.get(name, "").strip()]
    if missing:
        raise GradingError(f"missing {', '.join(missing)} in the environment (Classroom 50's runner sets them)")
    return {field: env[name].strip() for field, name in IDENTITY.items()}


def find_node(env: dict[str, str]) -> str:
    """The node executable, checked to be recent enough for the bundled grader."""
    node = env.get("DOCKER_LAB_NODE") or shutil.which("node", path=env.get("PATH"))
    hint = 'give the assignment "runtime": {"node": "24"} in assignments.json'
    if not node:
        raise GradingError(f"no Node.js found on the PATH: {hint}")
    try:
        version = subprocess.run([node, "--version"], capture_output=True, text=True, timeout=30, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError) as error:
        raise GradingError(f"cannot run {node} ({error}): {hint}") from error
    match = re.match(r"v(\d+)\.", version)
    if not match:
        raise GradingError(f"{node} --version printed {version!r}, not a Node.js version: {hint}")
    if int(match.group(1)) < MIN_NODE_MAJOR:
        raise GradingError(f"Node.js {version} is too old, the grader needs {MIN_NODE_MAJOR} or later: {hint}")
    return node


def run(command: list[str], cwd: Path, env: dict[str, str], deadline: float, what: str) -> None:
    """Runs a command in its own process group; stops the group (SIGTERM, then SIGKILL) at the deadline."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise GradingError(f"{what}: no time left before the deadline")
    try:
        process = subprocess.Popen(command, cwd=cwd, env=env, start_new_session=True, stdin=subprocess.DEVNULL)
    except OSError as error:
        raise GradingError(f"{what}: cannot start {command[0]} ({error})") from error
    try:
        code = process.wait(timeout=remaining)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)  # the grader removes its containers on SIGTERM
        try:
            process.wait(timeout=KILL_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        raise GradingError(f"{what}: stopped at the deadline ({env.get('DOCKER_LAB_DEADLINE_SECONDS', DEFAULT_DEADLINE_SECONDS)} s)") from None
    if code != 0:
        raise GradingError(f"{what} failed with exit code {code} (see the log above)")


def as_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise GradingError(f"grader report: {name} is not an integer")
    return int(value)


def classroom_result(report: dict, ident: dict[str, str]) -> dict:
    """The Classroom 50 result of a grader report (docker-lab-grade/v1): the identity fields, the
    score, and one test per criterion worth points (advice criteria, 0 points, are left out). The
    fields the runner stamps itself (owner, assignment_type, datetime, graded_at, submitted_by)
    are left to it."""
    if report.get("schema") != "docker-lab-grade/v1" or not isinstance(report.get("criteria"), list):
        raise GradingError("grader report: unexpected format")
    tests = []
    for criterion in report["criteria"]:
        max_score = as_int(criterion.get("maxPoints"), "maxPoints")
        if max_score <= 0:
            continue
        score = min(max(as_int(criterion.get("points"), "points"), 0), max_score)
        cid = str(criterion.get("id") or "?")
        title = str(criterion.get("title") or cid)
        tests.append(
            {
                "test-name": f"{title} ({cid})",
                "passed": criterion.get("status") == "pass" and score == max_score,
                "score": score,
                "max-score": max_score,
            }
        )
    max_total = sum(t["max-score"] for t in tests)
    total = sum(t["score"] for t in tests)
    return {"schema": SCHEMA, **ident, "score": total, "max-score": max_total, "tests": tests}


def grade(cwd: Path, env: dict[str, str], extra_args: list[str], started: float) -> dict:
    deadline = started + float(env.get("DOCKER_LAB_DEADLINE_SECONDS") or DEFAULT_DEADLINE_SECONDS)
    ident = identity(env)
    bundle = bundle_dir()
    grader = bundle / GRADER_FILE
    if not grader.is_file():
        raise GradingError(f"{grader} is missing: export the bundle again (npm run export:classroom50)")
    node = find_node(env)
    # The grader leaves the job summary to the runner when CLASSROOM50_BUNDLE_DIR is set; runners
    # older than that variable still run us from the bundle, so it is set here in any case.
    child_env = {**env, BUNDLE_DIR_ENV: env.get(BUNDLE_DIR_ENV) or str(bundle)}
    with tempfile.TemporaryDirectory(prefix="docker-lab-grade-") as tmp:
        report_path = Path(tmp) / "report.json"
        markdown_path = Path(tmp) / "release-body.md"
        command = [node, str(grader), str(cwd), "--tamper-check", "--json", str(report_path), "--markdown", str(markdown_path), *extra_args]
        run(command, cwd, child_env, deadline, "the grader")
        try:
            report = json.loads(report_path.read_text(encoding="utf-8"))
            markdown = markdown_path.read_text(encoding="utf-8")
        except (OSError, ValueError) as error:
            raise GradingError(f"grader report unreadable ({error})") from error
    if not isinstance(report, dict):
        raise GradingError("grader report: unexpected format")
    if report.get("engineAbsent"):
        raise GradingError(f"no usable Docker engine on the runner, the Docker criteria cannot be judged ({report['engineAbsent']})")
    result = classroom_result(report, ident)
    (cwd / "result.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (cwd / "release-body.md").write_text(markdown, encoding="utf-8")
    return result


def say_error(message: str, env: dict[str, str]) -> None:
    """One line on stderr; an error annotation in GitHub Actions, so the run's page shows it."""
    line = " ".join(message.split())
    if env.get("GITHUB_ACTIONS") == "true":
        line = line.replace("%", "%25")
        print(f"::error title=Docker lab autograder::{line}", file=sys.stderr, flush=True)
    else:
        print(f"autograder: {line}", file=sys.stderr, flush=True)


def main(argv: list[str]) -> int:
    started = time.monotonic()
    env = dict(os.environ)
    try:
        result = grade(Path.cwd(), env, argv, started)
    except GradingError as error:
        say_error(str(error), env)
        return 1
    print(f"autograder: {result['score']}/{result['max-score']} written to result.json and release-body.md", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
