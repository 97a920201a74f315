package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/fatih/color"
	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/appilint/appilint/internal/atomicfile"
	"github.com/appilint/appilint/internal/config"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/internal/report"
	"github.com/appilint/appilint/rules"
)

type checkOptions struct {
	format        string
	output        string
	lang          string
	failOn        string
	encoding      string
	asOf          string
	color         string
	minors        int
	configPath    string
	noConfig      bool
	baseline      string
	writeBaseline bool
	maxBytes      int64
}

func newCheckCmd() *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check PATH...",
		Short: "Check privacy policies (.txt, .md, .html, .docx, .pdf; - for stdin)",
		Example: "  appilint check policy.md\n" +
			"  appilint check --format sarif --lang en docs/privacy.html > appilint.sarif\n" +
			"  appilint check --baseline .appilint-baseline.json docs/*.md\n" +
			"  cat policy.txt | appilint check -",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return runCheck(cmd, o, args) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "text", "output format: "+strings.Join(report.Formats(), ", "))
	f.StringVarP(&o.output, "output", "o", "", "write the report to this file instead of standard output")
	f.StringVar(&o.lang, "lang", "ja", "message language: ja or en")
	f.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding is at or above this severity: error, warning, info or none")
	f.StringVar(&o.encoding, "encoding", "", "force the input encoding: utf-8, shift_jis, euc-jp or iso-2022-jp (default: detect)")
	f.StringVar(&o.asOf, "as-of", "", "date (YYYY-MM-DD) that date-dependent rules compare against (default: today)")
	f.StringVar(&o.color, "color", "auto", "colour the text output: auto, always or never (NO_COLOR is honoured)")
	f.IntVar(&o.minors, "minors-age", 15, "age line for appi/minors")
	f.StringVar(&o.configPath, "config", "", "configuration file (default: "+config.FileName+" found from the first path upwards)")
	f.BoolVar(&o.noConfig, "no-config", false, "ignore any configuration file")
	f.StringVar(&o.baseline, "baseline", "", "baseline file: findings recorded there are accepted; only new ones are reported")
	f.BoolVar(&o.writeBaseline, "write-baseline", false, "record the current findings in the --baseline file and exit 0")
	f.Int64Var(&o.maxBytes, "max-bytes", 16<<20, "refuse inputs larger than this many bytes (bounds memory per document)")
	return cmd
}

// settings are the effective options after merging the config file and flags.
type settings struct {
	lang     string
	failOn   engine.Severity // -1: never fail
	cfg      engine.Config
	rules    []*engine.Rule
	file     *config.Config // nil without a config file
	fileBase string         // directory the config's globs are relative to
}

func runCheck(cmd *cobra.Command, o *checkOptions, paths []string) error {
	parse.Prepare()
	if !contains(report.Formats(), o.format) {
		return usageErr("--format must be one of %s, not %q", strings.Join(report.Formats(), ", "), o.format)
	}
	if o.writeBaseline && o.baseline == "" {
		return usageErr("--write-baseline needs --baseline FILE")
	}
	st, err := resolveSettings(cmd, o, paths)
	if err != nil {
		return err
	}
	useColor, err := colorWanted(o.color, cmd.OutOrStdout())
	if err != nil {
		return err
	}
	if o.output != "" {
		useColor = false
	}
	paths = st.selectPaths(paths)

	if o.maxBytes <= 0 {
		return usageErr("--max-bytes must be positive, not %d", o.maxBytes)
	}
	results, errs := checkFiles(paths, load.Options{Encoding: o.encoding, MaxBytes: o.maxBytes}, st.rules, st.cfg, cmd.InOrStdin())
	for _, e := range errs {
		fmt.Fprintln(cmd.ErrOrStderr(), "appilint:", e)
	}
	wd, _ := os.Getwd()
	for _, w := range applySuppressions(results, st.file, st.fileBase) {
		fmt.Fprintln(cmd.ErrOrStderr(), "appilint: warning:", w)
	}

	if o.writeBaseline {
		if err := writeBaseline(o.baseline, results, wd); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "appilint: recorded %d findings in %s\n", countFindings(results), o.baseline)
		if len(errs) > 0 {
			return &exitError{code: exitUsage}
		}
		return nil
	}
	if o.baseline != "" {
		if err := applyBaseline(o.baseline, results, wd); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
	}

	var out bytes.Buffer
	err = report.Write(&out, o.format, results, report.Options{
		Lang: st.lang, Color: useColor, Version: version, Rules: st.rules, BaseDir: wd,
	})
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if err := emit(cmd.OutOrStdout(), o.output, out.Bytes(), paths); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if len(errs) > 0 {
		return &exitError{code: exitUsage}
	}
	if st.failOn >= 0 {
		for _, r := range results {
			for _, f := range r.Findings {
				if f.Severity >= st.failOn {
					return &exitError{code: exitFindings}
				}
			}
		}
	}
	return nil
}

// resolveSettings merges the config file with the flags; a flag given on
// the command line wins over the file.
func resolveSettings(cmd *cobra.Command, o *checkOptions, paths []string) (*settings, error) {
	st := &settings{cfg: engine.DefaultConfig()}
	if !o.noConfig {
		p := o.configPath
		if p == "" {
			start := "."
			if len(paths) > 0 && paths[0] != "-" {
				start = filepath.Dir(paths[0])
			}
			p = config.Find(start)
		}
		if p != "" {
			c, err := config.Load(p, func(id string) bool { return rules.ByID(id) != nil })
			if err != nil {
				return nil, &exitError{code: exitUsage, err: err}
			}
			st.file = c
			st.fileBase = filepath.Dir(p)
		}
	}
	changed := cmd.Flags().Changed
	lang, failOn, minors := o.lang, o.failOn, o.minors
	if c := st.file; c != nil {
		if c.Lang != "" && !changed("lang") {
			lang = c.Lang
		}
		if c.FailOn != "" && !changed("fail-on") {
			failOn = c.FailOn
		}
		if c.MinorsAge > 0 && !changed("minors-age") {
			minors = c.MinorsAge
		}
		if !c.AsOf.IsZero() && !changed("as-of") {
			st.cfg.AsOf = c.AsOf
		}
	}
	if err := checkLang(lang); err != nil {
		return nil, err
	}
	st.lang = lang
	st.failOn = -1
	if failOn != "none" {
		s, err := engine.ParseSeverity(failOn)
		if err != nil {
			return nil, usageErr("--fail-on: %v", err)
		}
		st.failOn = s
	}
	if minors < 1 || minors > 25 {
		return nil, usageErr("--minors-age must be from 1 to 25, not %d", minors)
	}
	st.cfg.MinorsAge = minors
	if o.asOf != "" {
		t, err := time.Parse("2006-01-02", o.asOf)
		if err != nil {
			return nil, usageErr("--as-of must be a date like 2026-04-01, not %q", o.asOf)
		}
		st.cfg.AsOf = t
	}
	st.rules = configuredRules(st.file)
	return st, nil
}

// configuredRules applies the config's per-rule settings: disabled rules
// are dropped, severity overrides work on a copy of the declaration.
func configuredRules(c *config.Config) []*engine.Rule {
	var out []*engine.Rule
	for _, r := range rules.All() {
		if c == nil {
			out = append(out, r)
			continue
		}
		s, ok := c.Rules[r.ID]
		if ok && s.Disabled {
			continue
		}
		if ok && s.Severity != "" {
			sev, _ := engine.ParseSeverity(s.Severity)
			cp := *r
			cp.Severity = sev
			r = &cp
		}
		out = append(out, r)
	}
	return out
}

// selectPaths drops explicitly named files that the config excludes
// (include globs choose files only when walking directories, which check
// does not do; exclude also applies to named files so that a shell glob
// does not pull in vendored copies).
func (st *settings) selectPaths(paths []string) []string {
	if st.file == nil || len(st.file.Exclude) == 0 {
		return paths
	}
	var out []string
	for _, p := range paths {
		if p != "-" && matchAny(st.file.Exclude, st.relToConfig(p)) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func (st *settings) relToConfig(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(st.fileBase, abs)
	if err != nil {
		return p
	}
	return filepath.ToSlash(rel)
}

func matchAny(globs []string, p string) bool {
	for _, g := range globs {
		if config.Match(g, p) {
			return true
		}
	}
	return false
}

// emit writes the report to stdout or, with --output, atomically to a file
// that must not be one of the inputs.
func emit(stdout io.Writer, output string, data []byte, inputs []string) error {
	if output == "" {
		_, err := stdout.Write(data)
		return err
	}
	outAbs, _ := filepath.Abs(output)
	for _, in := range inputs {
		if inAbs, _ := filepath.Abs(in); inAbs == outAbs {
			return fmt.Errorf("--output %s is one of the inputs; refusing to overwrite it", output)
		}
	}
	return atomicfile.WriteFile(output, data, 0o644)
}

// checkFiles loads, parses and checks each path on all cores; results keep
// the order of the paths, and a bad input never stops the others.
func checkFiles(paths []string, lo load.Options, rs []*engine.Rule, cfg engine.Config, stdin io.Reader) ([]*engine.Result, []error) {
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

func checkOne(path string, lo load.Options, rs []*engine.Rule, cfg engine.Config, stdin io.Reader) (res *engine.Result, err error) {
	// A bug in one document's analysis must not take down the batch.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error: %v", path, r)
		}
	}()
	var src *load.Source
	if path == "-" {
		if stdin == nil {
			return nil, errors.New("<stdin>: no standard input")
		}
		src, err = load.Reader("-", stdin, lo)
	} else {
		src, err = load.File(path, lo)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) && !strings.Contains(err.Error(), path) {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return nil, err
	}
	doc, err := parse.Source(src)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return engine.Run(doc, rs, cfg), nil
}

func countFindings(results []*engine.Result) int {
	n := 0
	for _, r := range results {
		n += len(r.Findings)
	}
	return n
}

func colorWanted(mode string, out io.Writer) (bool, error) {
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
