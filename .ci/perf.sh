#!/usr/bin/env bash
# Side-by-side performance measurement (issue: cold start and throughput).
# Prints medians and ratios; see docs/performance.md for the method.
#
#   .ci/perf.sh [RUNS]      RUNS cold starts per command (default 15)
#
# Needs GNU time (/usr/bin/time, Debian package "time"); uses hyperfine when present.
set -euo pipefail
if [ ! -x /usr/bin/time ]; then
  echo "perf.sh needs GNU time: apt-get install time (and optionally hyperfine)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
runs="${1:-15}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -trimpath -o "$work/appilint" ./cmd/appilint
go build -trimpath -o "$work/baseline" ./internal/cmd/kagome-baseline
go test -c -o "$work/rules.test" ./rules >/dev/null

# A 20 KB policy: a real one when the corpus is beside the checkout, else the fixture repeated.
policy="$work/policy20k.md"
if [ -f ../shared/corpus/seeds/002_50a2bcc4b7b1e85c.txt ]; then
  cp ../shared/corpus/seeds/002_50a2bcc4b7b1e85c.txt "$work/policy20k.txt"; policy="$work/policy20k.txt"
else
  while [ "$(wc -c <"$policy" 2>/dev/null || echo 0)" -lt 20480 ]; do cat testdata/policies/complete.md >>"$policy"; done
fi
echo "policy: $(wc -c <"$policy") bytes; $(nproc) cores; $(go version)"

# median of whitespace-separated numbers on stdin
median() { python3 -c 'import sys,statistics; v=[float(x) for x in sys.stdin.read().split()]; print("%.4f" % statistics.median(v))'; }

# measure CMD... : prints "median_wall_s median_peak_rss_kb"
measure() {
  local walls="" rsss=""
  "$@" >/dev/null 2>&1 || true # warm the page cache
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time.out" "$@" >/dev/null 2>&1 || true
    out=$(tail -n 1 "$work/time.out")
    walls="$walls ${out%% *}"; rsss="$rsss ${out##* }"
  done
  echo "$(echo "$walls" | median) $(echo "$rsss" | median)"
}

echo
echo "== cold single file (median of $runs runs, alternating is not needed: same machine, same run)"
read -r base_wall base_rss < <(measure "$work/baseline" "$policy")
read -r app_wall app_rss < <(measure "$work/appilint" check --fail-on none --format json "$policy")
printf '%-28s %8ss %8s MB\n' "kagome load+tokenize" "$base_wall" "$((${base_rss%.*} / 1024))"
printf '%-28s %8ss %8s MB\n' "appilint check" "$app_wall" "$((${app_rss%.*} / 1024))"
python3 -c "print('ratio appilint/baseline wall: %.2f (target <= 1.25); peak RSS %.0f MB (target <= 200)' % ($app_wall/$base_wall, $app_rss/1024))"

if command -v hyperfine >/dev/null 2>&1; then
  echo
  hyperfine --warmup 2 --runs "$runs" -N \
    "$work/baseline $policy" "$work/appilint check --fail-on none --format json $policy" 2>/dev/null | grep -E 'Time|±|faster' || true
fi

echo
echo "== throughput: 1000 policies in one process"
# Real policies of every kind when the corpus is present (cycled to 1000),
# else the 20 KB policy repeated.
mkdir -p "$work/batch"
sources=()
for f in ../shared/corpus/seeds/* ../shared/corpus/dev/*; do
  case "$f" in *.json) ;; *) [ -f "$f" ] && sources+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")") ;; esac
done
[ ${#sources[@]} -gt 0 ] || sources=("$policy")
for i in $(seq 1000); do
  src=${sources[$(( (i - 1) % ${#sources[@]} ))]}
  ln -s "$src" "$work/batch/p$i.${src##*.}"
done
echo "${#sources[@]} distinct policies, $(cat "$work"/batch/* | wc -c) bytes in all"
# Three runs each, alternating, medians: a shared machine's noise moves single runs by 20 %.
walls1="" walls2="" rss2=0
for r in 1 2 3; do
  /usr/bin/time -f '%e %M' -o "$work/t1" env GOMAXPROCS=1 "$work/appilint" check --fail-on none --format json "$work"/batch/* >/dev/null 2>&1 || true
  /usr/bin/time -f '%e %M' -o "$work/t2" env GOMAXPROCS=2 "$work/appilint" check --fail-on none --format json "$work"/batch/* >/dev/null 2>&1 || true
  read -r w _ < <(tail -n 1 "$work/t1"); walls1="$walls1 $w"
  read -r w m < <(tail -n 1 "$work/t2"); walls2="$walls2 $w"; rss2=$(( m > rss2 ? m : rss2 ))
done
t1=$(echo "$walls1" | median); t2=$(echo "$walls2" | median)
python3 -c "print('1 core: %.1f s (%.1f docs/s); 2 cores: %.1f s (%.1f docs/s); speed-up %.2f (target >= 1.7); peak RSS %.0f MB' % ($t1, 1000/$t1, $t2, 1000/$t2, $t1/$t2, $rss2/1024))"

echo
echo "== CPU profile of the 2-core run: rules + facts against kagome and the rest"
# Three more 2-core runs, each writing its own profile (--cpuprofile); the
# run with the median rules + facts share is shown. engine.Run is all of the
# rules and facts; the shares of single runs spread by a point or two.
for r in 1 2 3; do
  "$work/appilint" check --fail-on none --format json --cpuprofile "$work/batch$r.prof" "$work"/batch/* >/dev/null 2>&1 || true
done
for r in 1 2 3; do
  go tool pprof -top -cum -nodecount=100000 "$work/appilint" "$work/batch$r.prof" 2>/dev/null >"$work/top$r.txt" || true
done
python3 - "$work"/top1.txt "$work"/top2.txt "$work"/top3.txt <<'PY' || true
import sys, re
def secs(v):
    return float(v[:-2]) / 1000 if v.endswith("ms") else float(v[:-1])
stages = [("rules + facts (engine.Run)", "github.com/appilint/appilint/internal/engine.Run"),
          ("kagome tokenizer (Tokenizer.Analyze)", "github.com/ikawaha/kagome/v2/tokenizer.Tokenizer.Analyze"),
          ("clause analysis incl. kagome (jp.Analyze)", "github.com/appilint/appilint/internal/jp.Analyze"),
          ("normalise + structure + jp (parse.Source)", "github.com/appilint/appilint/internal/parse.Source"),
          ("dictionary load (ipa.Dict)", "github.com/ikawaha/kagome-dict/ipa.Dict"),
          ("report output (report.Write)", "github.com/appilint/appilint/internal/report.Write"),
          ("garbage collector (gcBgMarkWorker)", "runtime.gcBgMarkWorker")]
runs = []
for path in sys.argv[1:]:
    total = None; cum = {}
    for line in open(path):
        m = re.search(r"Total samples = ([0-9.]+m?s)", line)
        if m: total = secs(m.group(1))
        f = line.split()
        if len(f) >= 6 and re.match(r"[0-9.]+m?s$", f[3]):
            cum.setdefault(f[-1], secs(f[3]))
    if total:
        runs.append((cum.get(stages[0][1], 0.0) / total, total, cum))
if not runs:
    sys.exit("no profile")
runs.sort(key=lambda r: r[0])
share, total, cum = runs[len(runs) // 2]
print("shares of the three runs: " + ", ".join("%.1f %%" % (100 * r[0]) for r in runs))
print("median run: total CPU samples %.2f s" % total)
for label, fn in stages:
    v = cum.get(fn, 0.0)
    print("%-44s %6.2f s  %5.1f %%" % (label, v, 100 * v / total))
print("rules + facts share %.1f %% (median of three runs; target <= 20 %%)" % (100 * share))
PY

echo "== real policies in process: parse against rules + facts (corpus benchmark, 1 core)"
(cd rules && "$work/rules.test" -test.run '^$' -test.bench 'BenchmarkCorpus' -test.benchtime 10x -test.count 3 -test.cpu 1 2>/dev/null) |
  awk '/^BenchmarkCorpus/ {print $1, $3}' | python3 -c '
import sys
best = {}
for line in sys.stdin:
    name, ns = line.split()
    best[name] = min(best.get(name, float("inf")), float(ns))
if best:
    p, r = best.get("BenchmarkCorpus/parse", 0), best.get("BenchmarkCorpus/rules", 0)
    print("parse %.1f ms, rules + facts %.1f ms per corpus pass (best of 3); rules share of the two %.1f %%" % (p/1e6, r/1e6, 100*r/(p+r)))
' || true

echo
echo "== scaling with document size (in-process benchmarks, ns/op)"
# 3 s per measurement and the best of 3: a 20 KB run is a few milliseconds.
(cd rules && "$work/rules.test" -test.run '^$' -test.bench "BenchmarkParse|BenchmarkRules" -test.benchtime 3s -test.count 3 -test.cpu 1 2>/dev/null) |
  awk '/^Benchmark/ {print $1, $3}' | python3 -c '
import sys, re
best = {}
for line in sys.stdin:
    name, ns = line.split()
    best[name] = min(best.get(name, float("inf")), float(ns))
rows = sorted(best.items())
for name, ns in rows: print("%-32s %12.1f ms" % (name, ns/1e6))
by = {}
for name, ns in rows:
    m = re.match(r"(Benchmark\w+)/(\d+)KB", name)
    if m: by.setdefault(m.group(1), {})[int(m.group(2))] = float(ns)
for b, v in by.items():
    if 20 in v and 2048 in v:
        print("%s: 2 MB / 20 KB time ratio %.1f for a size ratio of %.1f (linear: equal); 200 KB / 20 KB %.1f, 2 MB / 200 KB %.1f (10.0 and 10.2)" % (b, v[2048]/v[20], 2048/20, v[200]/v[20], v[2048]/v[200]))
'

