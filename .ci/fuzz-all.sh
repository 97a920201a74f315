#!/usr/bin/env bash
# Runs every fuzz target in the module for the given time each (default 10s).
# Usage: .ci/fuzz-all.sh [DURATION]   e.g. .ci/fuzz-all.sh 10m
set -euo pipefail
cd "$(dirname "$0")/.."
time="${1:-10s}"
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz $pkg $target ($time)"
    run() { go test -run='^$' -fuzz="^${target}\$" -fuzztime="$time" -fuzzminimizetime=2s -parallel=1 "$pkg" 2>&1; }
    if out=$(run); then
      echo "$out" | tail -n 3
      continue
    fi
    echo "$out"
    # Go's fuzzer fails with "context deadline exceeded", and no failing
    # input, when the time runs out while it minimises a new interesting
    # input: that is not a finding, so the target runs once more.
    if grep -q 'context deadline exceeded' <<<"$out" && ! grep -q 'Failing input written' <<<"$out"; then
      echo "(the fuzzer overran its time while minimising, not a failing input: once more)"
      run | tail -n 3
    else
      exit 1
    fi
  done
done
