package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/internal/report"
	"github.com/appilint/appilint/rules"
)

type checkOptions struct {
	format   string
	lang     string
	failOn   string
	encoding string
	asOf     string
	color    string
	minors   int
}

func newCheckCmd() *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check PATH...",
		Short: "Check privacy policies (.txt, .md, .html; - for stdin)",
		Example: "  appilint check policy.md\n" +
			"  appilint check --format sarif --lang en docs/privacy.html > appilint.sarif\n" +
			"  cat policy.txt | appilint check -",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runCheck(cmd, o, args) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(report.Formats(), ", "))
	f.StringVar(&o.lang, "lang", "ja", "message language: ja or en")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: error, warning, info or none")
	f.StringVar(&o.encoding, "encoding", "", "force the input encoding: utf-8, shift_jis, euc-jp or iso-2022-jp (default: detect)")
	f.StringVar(&o.asOf, "as-of", "", "date (YYYY-MM-DD) that date-dependent rules compare against (default: today)")
	f.StringVar(&o.color, "color", "auto", "colour the text output: auto, always or never (NO_COLOR is honoured)")
	f.IntVar(&o.minors, "minors-age", 15, "age line for appi/minors")
	return cmd
}

func runCheck(cmd *cobra.Command, o *checkOptions, paths []string) error {
	if err := checkLang(o.lang); err != nil {
		return err
	}
	if !contains(report.Formats(), o.format) {
		return usageErr("--format must be one of %s, not %q", strings.Join(report.Formats(), ", "), o.format)
	}
	failOn := engine.Severity(-1)
	if o.failOn != "none" {
		s, err := engine.ParseSeverity(o.failOn)
		if err != nil {
			return usageErr("--fail-on: %v", err)
		}
		failOn = s
	}
	cfg := engine.DefaultConfig()
	cfg.MinorsAge = o.minors
	if o.asOf != "" {
		t, err := time.Parse("2006-01-02", o.asOf)
		if err != nil {
			return usageErr("--as-of must be a date like 2026-04-01, not %q", o.asOf)
		}
		cfg.AsOf = t
	}
	useColor, err := colorWanted(o.color, cmd.OutOrStdout())
	if err != nil {
		return err
	}

	results, errs := checkFiles(paths, load.Options{Encoding: o.encoding}, rules.All(), cfg, cmd.InOrStdin())
	for _, e := range errs {
		fmt.Fprintln(cmd.ErrOrStderr(), "appilint:", e)
	}
	wd, _ := os.Getwd()
	err = report.Write(cmd.OutOrStdout(), o.format, results, report.Options{
		Lang: o.lang, Color: useColor, Version: version, Rules: rules.All(), BaseDir: wd,
	})
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if len(errs) > 0 {
		return &exitError{code: exitUsage}
	}
	if failOn >= 0 {
		for _, r := range results {
			for _, f := range r.Findings {
				if f.Severity >= failOn {
					return &exitError{code: exitFindings}
				}
			}
		}
	}
	return nil
}

// checkFiles loads, parses and checks each path on all cores; results keep
// the order of the paths, and a bad input never stops the others.
func checkFiles(paths []string, lo load.Options, rs []*engine.Rule, cfg engine.Config, stdin interface{ Read([]byte) (int, error) }) ([]*engine.Result, []error) {
	results := make([]*engine.Result, len(paths))
	errs := make([]error, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	workers := min(runtime.GOMAXPROCS(0), len(paths))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i], errs[i] = checkOne(paths[i], lo, rs, cfg, stdin)
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	var okResults []*engine.Result
	var allErrs []error
	for i := range paths {
		if errs[i] != nil {
			allErrs = append(allErrs, errs[i])
		} else {
			okResults = append(okResults, results[i])
		}
	}
	return okResults, allErrs
}

func checkOne(path string, lo load.Options, rs []*engine.Rule, cfg engine.Config, stdin interface{ Read([]byte) (int, error) }) (res *engine.Result, err error) {
	// A bug in one document's analysis must not take down the batch.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error: %v", path, r)
		}
	}()
	var src *load.Source
	if path == "-" {
		src, err = load.Reader("-", stdin, lo)
	} else {
		src, err = load.File(path, lo)
	}
	if err != nil {
		return nil, err
	}
	doc, err := parse.Source(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return engine.Run(doc, rs, cfg), nil
}

func colorWanted(mode string, out interface{}) (bool, error) {
	switch mode {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		if os.Getenv("NO_COLOR") != "" || color.NoColor {
			return false, nil
		}
		if f, ok := out.(*os.File); ok {
			return isatty.IsTerminal(f.Fd()), nil
		}
		return false, nil
	}
	return false, usageErr("--color must be auto, always or never, not %q", mode)
}

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
