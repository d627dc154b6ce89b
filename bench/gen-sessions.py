#!/usr/bin/env python3
"""Generate a realistic, messy Minsky session-db.json for tests and benchmarks.

Usage: bench/gen-sessions.py N [--seed S] [--shape array|sessions|keyed|envelope] [--invalid K] > file.json

The output depends only on the arguments (same N, seed, shape and K give the same bytes), so a
benchmark's data set can be re-created anywhere instead of being committed.

The records mix every form Minsky has written: session names (task#042, 042, #142, task-md#318,
task-gh#45, free text, UUIDs), task ids (#042, 136, md#123, gh#45, mt#2967 or none), repo URLs
(file://, absolute paths, GitHub URLs, '.'), dates with and without milliseconds, optional
nested prState / pullRequest objects, legacy github/remote objects, newer Minsky fields, and
unicode, quotes and long strings. --invalid K appends K records with an unparseable createdAt.
"""
import argparse
import json
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

REPOS = [
    ("local/minsky", "file:///Users/alice/Projects/minsky"),
    ("local-minsky", "/Users/alice/Projects/minsky"),
    ("edobry/minsky", "https://github.com/edobry/minsky.git"),
    ("acme/billing-service", "git@github.com:acme/billing-service.git"),
    ("local/dotfiles", "/home/bob/src/dotfiles"),
    ("local/", "."),
    ("ünïcode/répo", "/home/zoë/代码/répo"),
]
WORDS = ["fix", "session", "bugs", "refactor", "parser", "add", "postgres", "cli", "docs", "ui", "perf"]


def iso(dt, rng):
    if rng.random() < 0.15:
        return dt.strftime("%Y-%m-%dT%H:%M:%SZ")  # no milliseconds, as hand-made entries
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def record(i, rng, base):
    created = base + timedelta(seconds=rng.randint(0, 400 * 86400), milliseconds=rng.randint(0, 999))
    repo_name, repo_url = rng.choice(REPOS)
    style = rng.random()
    n = i + 1
    if style < 0.30:
        name, task = f"task#{n:03d}", rng.choice([f"#{n:03d}", None])
    elif style < 0.40:
        name, task = f"{n:03d}", rng.choice([f"{n}", None])
    elif style < 0.45:
        name, task = f"#{n}", f"#{n}"
    elif style < 0.65:
        name, task = f"task-md#{n}", f"md#{n}"
    elif style < 0.75:
        name, task = f"task-gh#{n}", f"gh#{n}"
    elif style < 0.85:
        name, task = "-".join(rng.sample(WORDS, 3)) + f"-{n}", None
    else:
        name, task = str(uuid.UUID(int=rng.getrandbits(128))), f"mt#{n}"
    r = {"session": name, "repoName": repo_name, "repoUrl": repo_url, "createdAt": iso(created, rng)}
    if task is not None:
        r["taskId"] = task
    if rng.random() < 0.5:
        r["branch"] = name
    if rng.random() < 0.3:
        r["repoPath"] = f"/home/alice/.local/state/minsky/sessions/{name}"
    if rng.random() < 0.6:
        r["backendType"] = rng.choice(["local", "remote", "github"])
    if rng.random() < 0.35:
        r["prBranch"] = f"pr/{name}"
        r["prApproved"] = rng.random() < 0.5
        state = {"branchName": f"pr/{name}", "lastChecked": iso(created + timedelta(days=1), rng)}
        if rng.random() < 0.5:
            state["exists"] = True
        else:
            state["commitHash"] = f"{rng.getrandbits(160):040x}"
        if rng.random() < 0.4:
            state["mergedAt"] = iso(created + timedelta(days=3), rng)
        r["prState"] = state
    if rng.random() < 0.2:
        num = rng.randint(1, 5000)
        r["pullRequest"] = {
            "number": num,
            "url": f"https://github.com/edobry/minsky/pull/{num}",
            "state": rng.choice(["open", "closed", "merged", "draft"]),
            "createdAt": iso(created + timedelta(hours=2), rng),
            "headBranch": name,
            "baseBranch": "main",
            "lastSynced": iso(created + timedelta(hours=3), rng),
            "github": {"id": rng.getrandbits(40), "nodeId": f"PR_kwDO{rng.getrandbits(48):x}",
                       "htmlUrl": f"https://github.com/edobry/minsky/pull/{num}", "author": "alice",
                       "labels": ["bug", "session"] if rng.random() < 0.5 else []},
        }
    if rng.random() < 0.1:
        r["github"] = {"owner": "edobry", "repo": "minsky"}
    if rng.random() < 0.1:
        r["remote"] = {"authMethod": rng.choice(["ssh", "https", "token"]), "depth": rng.choice([1, 10, None])}
    if rng.random() < 0.1:
        r["status"] = rng.choice(["CREATED", "ACTIVE", "PR_OPEN", "MERGED", "CLOSED"])
        r["commitCount"] = rng.randint(0, 120)
        r["lastCommitMessage"] = rng.choice(['fix: handle "quoted" names', "feat: ünïcode ✓", "a\ttab\nnewline", "x" * 300])
    return r


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--shape", choices=["array", "sessions", "keyed", "envelope"], default="array")
    ap.add_argument("--invalid", type=int, default=0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    base = datetime(2025, 4, 29, tzinfo=timezone.utc)
    recs = [record(i, rng, base) for i in range(a.n)]
    for k in range(a.invalid):
        recs.append({"session": f"invalid-date-{k}", "repoName": "local/minsky", "repoUrl": ".",
                     "createdAt": rng.choice(["not a date", "2025-13-45T99:00:00Z", "", "yesterday"])})
    if a.shape == "array":
        out = recs
    elif a.shape == "sessions":
        out = {"sessions": recs, "baseDir": "/home/alice/.local/state/minsky"}
    elif a.shape == "keyed":
        out = {r["session"]: {k: v for k, v in r.items() if k != "session"} for r in recs}
    else:
        out = {"timestamp": "2025-06-23T16:46:12.144Z", "version": "1.0",
               "data": {"sessions": recs, "baseDir": "/home/alice/.local/state/minsky"}}
    json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
