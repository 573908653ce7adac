#!/usr/bin/env python3
"""Runs a command and prints its wall time and peak memory, whole tree.

Usage: bench/treemem.py [-o OUT] COMMAND [ARG...]

Prints one line: WALL_S PEAK_RSS_SUM_KB PEAK_PSS_SUM_KB MAXRSS_KB STATUS
  WALL_S            seconds from start to exit
  PEAK_RSS_SUM_KB   the largest sum of resident sizes of the command and
                    all its descendants seen at one time (sampled every
                    10 ms from /proc; shared library pages counted once per
                    process)
  PEAK_PSS_SUM_KB   the same with proportional sizes (shared pages split
                    between the processes that share them): what the tree
                    really costs the machine
  MAXRSS_KB         the kernel's peak resident size of the largest single
                    process of the tree (what GNU time's %M reports)
  STATUS            the command's exit status
The command's standard output goes to OUT (default /dev/null).
Python standard library only.
"""

import os
import subprocess
import sys
import time


def descendants(pid):
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir("/proc/%d/task" % p):
                with open("/proc/%d/task/%s/children" % (p, task)) as f:
                    for child in f.read().split():
                        found.append(int(child))
                        todo.append(int(child))
        except OSError:
            pass
    return found


def rss_pss(pid):
    rss = pss = 0
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def main(argv):
    out = os.devnull
    if len(argv) > 2 and argv[1] == "-o":
        out, argv = argv[2], argv[2:]
    cmd = argv[1:]
    if not cmd:
        sys.exit("usage: treemem.py [-o OUT] COMMAND [ARG...]")
    with open(out, "wb") as sink:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=sink)
        peak_rss = peak_pss = 0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid != 0:
                break
            tree = [proc.pid] + descendants(proc.pid)
            sums = [rss_pss(p) for p in tree]
            peak_rss = max(peak_rss, sum(s[0] for s in sums))
            peak_pss = max(peak_pss, sum(s[1] for s in sums))
            time.sleep(0.01)
        wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    print("%.3f %d %d %d %d" % (wall, peak_rss, peak_pss, usage.ru_maxrss, code))


if __name__ == "__main__":
    main(sys.argv)
