package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/appilint/appilint/internal/config"
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/internal/policydiff"
)

type diffOptions struct {
	check     checkOptions // the settings shared with check
	failOnNew bool
}

func newDiffCmd() *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "Compare two versions of a policy: text changes by section and the change in findings",
		Long: "diff shows what changed between two versions of a policy, character by character\n" +
			"and grouped by the section it is in, then which findings the new version fixed,\n" +
			"introduced or kept. Findings are matched by rule and evidence text, not by line.\n\n" +
			"Exit status: 0, or 1 with --fail-on-new when a finding was introduced; 2 on errors.",
		Example: "  appilint diff policy-2023.md policy-2024.md\n" +
			"  appilint diff --fail-on-new --format json old.html new.html",
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error { return runDiff(cmd, o, args[0], args[1]) },
	}
	f := cmd.Flags()
	f.StringVarP(&o.check.format, "format", "f", "text", "output format: text or json")
	f.BoolVar(&o.failOnNew, "fail-on-new", false, "exit 1 when NEW has a finding that OLD did not have")
	f.StringVar(&o.check.lang, "lang", "ja", "message language: ja or en")
	f.StringVar(&o.check.color, "color", "auto", "colour the changes: auto, always or never (NO_COLOR is honoured)")
	f.StringVar(&o.check.encoding, "encoding", "", "force the input encoding of both files: utf-8, shift_jis, euc-jp or iso-2022-jp (default: detect)")
	f.StringVar(&o.check.asOf, "as-of", "", "date (YYYY-MM-DD) that date-dependent rules compare against (default: today)")
	f.IntVar(&o.check.minors, "minors-age", 15, "age line for appi/minors")
	f.StringVar(&o.check.configPath, "config", "", "configuration file (default: "+config.FileName+" found from NEW's directory upwards)")
	f.BoolVar(&o.check.noConfig, "no-config", false, "ignore any configuration file")
	o.check.failOn = "none"
	return cmd
}

func runDiff(cmd *cobra.Command, o *diffOptions, oldPath, newPath string) error {
	parse.Prepare()
	if o.check.format != "text" && o.check.format != "json" {
		return usageErr("--format must be text or json, not %q", o.check.format)
	}
	if oldPath == "-" && newPath == "-" {
		return usageErr("only one of OLD and NEW can be standard input")
	}
	st, err := resolveSettings(cmd, &o.check, []string{newPath})
	if err != nil {
		return err
	}
	useColor, err := colorWanted(o.check.color, cmd.OutOrStdout())
	if err != nil {
		return err
	}
	lo := load.Options{Encoding: o.check.encoding}
	var versions [2]policydiff.Version
	for i, p := range []string{oldPath, newPath} {
		src, res, err := loadAndCheck(cmd.InOrStdin(), p, lo, st)
		if err != nil {
			return &exitError{code: exitUsage, err: err}
		}
		for _, w := range applySuppressions([]*engine.Result{res}, st.file, st.fileBase) {
			fmt.Fprintln(cmd.ErrOrStderr(), "appilint: warning:", w)
		}
		versions[i] = policydiff.Version{Name: src.Path, Result: res}
	}
	rep := policydiff.Compare(versions[0], versions[1], policydiff.Options{})

	var out bytes.Buffer
	if o.check.format == "json" {
		err = rep.WriteJSON(&out, st.lang)
	} else {
		err = rep.WriteText(&out, policydiff.TextOptions{Lang: st.lang, Color: useColor})
	}
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if _, err := cmd.OutOrStdout().Write(out.Bytes()); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if o.failOnNew && len(rep.Introduced) > 0 {
		return &exitError{code: exitFindings}
	}
	return nil
}
