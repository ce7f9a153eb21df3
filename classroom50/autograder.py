#!/usr/bin/env python3
"""Classroom 50 entry point of the Docker lab's autograder (Python standard library only).

Classroom 50 runs this file with the student's checkout as the working directory. It installs the
grader's npm dependencies when `node_modules` is missing, grades the checkout with the TypeScript
grader, and writes:

- ./result.json      the Classroom 50 result (schema classroom50/result/v1);
- ./release-body.md  the Markdown report shown to the student (the GitHub Actions job summary).

Exit code 0 whenever grading ran, whatever the score; non-zero only when grading could not run.
The whole run is bounded by DOCKER_LAB_DEADLINE_SECONDS (default 13 minutes, under Classroom 50's
15). The grader is taken from DOCKER_LAB_GRADER_ROOT if set, else from the template this file
belongs to, else from the student's checkout (it contains the whole template).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCHEMA = "classroom50/result/v1"
DEFAULT_DEADLINE_SECONDS = 13 * 60
KILL_GRACE_SECONDS = 30


class GradingError(Exception):
    """Grading could not run (the platform shows a grader error)."""


def is_grader_root(path: Path) -> bool:
    return (path / "grader" / "src" / "cli.ts").is_file() and (path / "package.json").is_file()


def find_grader_root(cwd: Path, env: dict[str, str], script: Path) -> Path:
    configured = env.get("DOCKER_LAB_GRADER_ROOT")
    if configured:
        root = Path(configured).resolve()
        if not is_grader_root(root):
            raise GradingError(f"DOCKER_LAB_GRADER_ROOT={configured} does not hold the grader (grader/src/cli.ts)")
        return root
    for candidate in (script.resolve().parent.parent, cwd.resolve()):
        if is_grader_root(candidate):
            return candidate
    raise GradingError("grader not found: set DOCKER_LAB_GRADER_ROOT or run from a checkout of the template")


def run(command: list[str], cwd: Path, deadline: float, what: str) -> None:
    """Runs a command in its own process group; stops the group (SIGTERM, then SIGKILL) at the deadline."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise GradingError(f"{what}: no time left")
    try:
        process = subprocess.Popen(command, cwd=cwd, start_new_session=True)
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
        raise GradingError(f"{what}: stopped after the deadline") from None
    if code != 0:
        raise GradingError(f"{what}: exit code {code}")


def as_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise GradingError(f"grader report: {name} is not an integer")
    return int(value)


def classroom_result(report: dict) -> dict:
    """The Classroom 50 result of a grader report (docker-lab-grade/v1). Advice criteria (0 points) are left out."""
    if report.get("schema") != "docker-lab-grade/v1" or not isinstance(report.get("criteria"), list):
        raise GradingError("grader report: unexpected format")
    tests = []
    for criterion in report["criteria"]:
        max_score = as_int(criterion.get("maxPoints"), "maxPoints")
        if max_score <= 0:
            continue
        score = min(max(as_int(criterion.get("points"), "points"), 0), max_score)
        tests.append(
            {
                "test-name": f"{criterion.get('title', criterion.get('id'))} ({criterion.get('id')})",
                "passed": criterion.get("status") == "pass" and score == max_score,
                "score": score,
                "max-score": max_score,
            }
        )
    max_total = sum(t["max-score"] for t in tests)
    total = min(sum(t["score"] for t in tests), max_total)
    return {"schema": SCHEMA, "score": total, "max-score": max_total, "tests": tests}


def grade(cwd: Path, env: dict[str, str], script: Path, extra_args: list[str]) -> dict:
    deadline = time.monotonic() + float(env.get("DOCKER_LAB_DEADLINE_SECONDS", DEFAULT_DEADLINE_SECONDS))
    root = find_grader_root(cwd, env, script)
    if not (root / "node_modules").is_dir():
        run(["npm", "ci", "--no-audit", "--no-fund"], root, deadline, "npm ci")
    with tempfile.TemporaryDirectory(prefix="docker-lab-grade-") as tmp:
        report_path = Path(tmp) / "report.json"
        markdown_path = Path(tmp) / "release-body.md"
        command = ["npm", "run", "--silent", "grade", "--", str(cwd.resolve()),
                   "--json", str(report_path), "--markdown", str(markdown_path), *extra_args]
        run(command, root, deadline, "grader")
        try:
            report = json.loads(report_path.read_text(encoding="utf-8"))
            markdown = markdown_path.read_text(encoding="utf-8")
        except (OSError, ValueError) as error:
            raise GradingError(f"grader report unreadable ({error})") from error
    result = classroom_result(report)
    (cwd / "result.json").write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (cwd / "release-body.md").write_text(markdown, encoding="utf-8")
    return result


def main(argv: list[str]) -> int:
    # Extra arguments go to the grader (e.g. --static-only).
    try:
        result = grade(Path.cwd(), dict(os.environ), Path(__file__), argv)
    except GradingError as error:
        print(f"autograder: {error}", file=sys.stderr)
        return 1
    print(f"autograder: {result['score']}/{result['max-score']} written to result.json and release-body.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
