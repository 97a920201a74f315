package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/fetch"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/internal/scan"
	"github.com/appilint/appilint/internal/scanreport"
	"github.com/appilint/appilint/rules"
)

type scanOptions struct {
	out          string
	urls         []string
	resume       bool
	allowPrivate bool
	concurrency  int
	perHost      int
	rate         float64
	timeout      time.Duration
	maxBytes     string
	budget       time.Duration
	retries      int
	userAgent    string
	lang         string
	noProgress   bool
}

func newScanCmd() *cobra.Command {
	o := &scanOptions{}
	def := fetch.DefaultOptions()
	cmd := &cobra.Command{
		Use:   "scan [PATH|GLOB|URL ...] [--urls FILE] --out DIR",
		Short: "Audit many policies (files, directories, globs, URL lists) into results.jsonl, matrix.csv and report.html",
		Long: "scan checks many privacy policies on all cores and writes, in --out DIR:\n" +
			"  results.jsonl  one JSON record per input, streamed as each completes\n" +
			"  matrix.csv     companies × rules\n" +
			"  report.html    a self-contained report\n" +
			"  state.json     progress, for --resume;  cache/  fetched pages, so reruns do not refetch\n\n" +
			"Inputs are files, directories (recursive: .txt, .md, .html, .htm), globs (** for any\n" +
			"depth), URLs, and URL lists (--urls: one URL per line, optionally followed by the\n" +
			"company name after a tab, comma or space; or a CSV with a url and a company column).\n" +
			"A failing input is recorded with its reason and never stops the batch.\n\n" +
			"Fetching is polite and safe: robots.txt is respected, requests per host are limited,\n" +
			"only http and https are followed, and private or loopback addresses are refused\n" +
			"unless --allow-private-network is given. For HTML, only the main content counts:\n" +
			"navigation, headers, footers and cookie banners are not evidence.",
		Example: "  appilint scan policies/ --out audit\n" +
			"  appilint scan 'sites/**/*.html' --out audit --lang en\n" +
			"  appilint scan --urls companies.csv --out audit\n" +
			"  appilint scan --urls companies.csv --out audit --resume",
		RunE: func(cmd *cobra.Command, args []string) error { return runScan(cmd, o, args) },
	}
	f := cmd.Flags()
	f.StringVar(&o.out, "out", "", "output directory (required)")
	f.StringArrayVar(&o.urls, "urls", nil, "file listing URLs (and company names) to fetch; may be repeated")
	f.BoolVar(&o.resume, "resume", false, "continue an interrupted batch: skip inputs already in DIR/results.jsonl and append")
	f.BoolVar(&o.allowPrivate, "allow-private-network", false, "allow fetching from loopback and private addresses (intranets, tests)")
	f.IntVar(&o.concurrency, "concurrency", runtime.GOMAXPROCS(0), "documents analysed at once")
	f.IntVar(&o.perHost, "per-host", def.PerHost, "concurrent requests per host")
	f.Float64Var(&o.rate, "rate", def.Rate, "requests per second per host (0 = no limit)")
	f.DurationVar(&o.timeout, "timeout", def.Timeout, "time limit of one HTTP request, body included")
	f.StringVar(&o.maxBytes, "max-bytes", "10MiB", "largest page or file accepted (bytes, or with KiB/MiB)")
	f.DurationVar(&o.budget, "budget", scan.DefaultBudget, "analysis time limit per document")
	f.IntVar(&o.retries, "retries", def.Retries, "retries after a server error, 429 or timeout")
	f.StringVar(&o.userAgent, "user-agent", "appilint/"+version+" (+https://github.com/appilint/appilint)", "User-Agent of requests (its first word selects the robots.txt group)")
	f.StringVar(&o.lang, "lang", "ja", "language of messages and reports: ja or en")
	f.BoolVar(&o.noProgress, "no-progress", false, "no progress bar (there is none when stderr is not a terminal or CI=true)")
	return cmd
}

func runScan(cmd *cobra.Command, o *scanOptions, args []string) error {
	parse.Prepare()
	if o.out == "" {
		return usageErr("scan needs --out DIR")
	}
	if len(args) == 0 && len(o.urls) == 0 {
		return usageErr("scan needs paths, globs, URLs or --urls FILE")
	}
	if err := checkLang(o.lang); err != nil {
		return err
	}
	maxBytes, err := parseSize(o.maxBytes)
	if err != nil {
		return usageErr("--max-bytes: %v", err)
	}
	switch {
	case o.concurrency < 1:
		return usageErr("--concurrency must be at least 1")
	case o.perHost < 1:
		return usageErr("--per-host must be at least 1")
	case o.rate < 0:
		return usageErr("--rate must not be negative")
	case o.timeout <= 0 || o.budget <= 0:
		return usageErr("--timeout and --budget must be positive")
	case o.retries < 0:
		return usageErr("--retries must not be negative")
	}

	fo := fetch.DefaultOptions()
	fo.UserAgent = o.userAgent
	fo.Timeout = o.timeout
	fo.MaxBytes = maxBytes
	fo.Retries = o.retries
	fo.PerHost = o.perHost
	fo.Rate = o.rate
	fo.AllowPrivate = o.allowPrivate
	rs := rules.All()
	opt := scan.Options{
		Out:     o.out,
		Resume:  o.resume,
		Workers: o.concurrency,
		Budget:  o.budget,
		Load:    load.Options{MaxBytes: maxBytes},
		Fetch:   fo,
		Rules:   rs,
		Engine:  engine.DefaultConfig(),
		Lang:    o.lang,
	}
	stderr := cmd.ErrOrStderr()
	if !o.noProgress && isTerminal(stderr) && os.Getenv("CI") != "true" {
		opt.Progress = stderr
	}

	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stats, runErr := scan.Run(ctx, args, o.urls, opt)
	interrupted := errors.Is(runErr, context.Canceled)
	if runErr != nil && !interrupted {
		return &exitError{code: exitUsage, err: runErr}
	}

	// The reports are built from the whole results.jsonl, earlier runs of a
	// --resume included, after the batch: the scan itself holds no records.
	results := filepath.Join(o.out, scan.ResultsFile)
	recs, err := scan.ReadRecords(results)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if err := scanreport.Write(o.out, recs, scanreport.Options{Lang: o.lang, GeneratedAt: time.Now(), Rules: rs}); err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("writing reports: %w", err)}
	}
	sum, err := scan.Summarize(results)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}

	w := cmd.OutOrStdout()
	printRun(w, stats)
	sum.Print(w, 5)
	fmt.Fprintf(w, "results: %s\nmatrix:  %s\nreport:  %s\n", results,
		filepath.Join(o.out, scanreport.MatrixFile), filepath.Join(o.out, scanreport.HTMLFile))
	if interrupted {
		return &exitError{code: exitUsage, err: errors.New("interrupted; run again with --resume to continue")}
	}
	return nil
}

func printRun(w io.Writer, s scan.Stats) {
	rate := 0.0
	if secs := s.Elapsed.Seconds(); secs > 0 {
		rate = float64(s.Checked) / secs
	}
	fmt.Fprintf(w, "scanned %d inputs in %s (%.1f docs/s)", s.Checked, s.Elapsed.Round(time.Millisecond), rate)
	if s.Skipped > 0 {
		fmt.Fprintf(w, ", %d skipped (done before)", s.Skipped)
	}
	if s.Duplicates > 0 {
		fmt.Fprintf(w, ", %d duplicates ignored", s.Duplicates)
	}
	fmt.Fprintln(w)
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// parseSize reads a byte count with an optional binary unit: 500000,
// 512KiB, 10MiB (KB and MB are read as KiB and MiB too).
func parseSize(s string) (int64, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"kib", 1 << 10}, {"kb", 1 << 10}, {"k", 1 << 10}, {"mib", 1 << 20}, {"mb", 1 << 20}, {"m", 1 << 20}, {"gib", 1 << 30}, {"gb", 1 << 30}, {"g", 1 << 30}, {"b", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("want a positive size like 10MiB, not %q", s)
	}
	return n * mult, nil
}
